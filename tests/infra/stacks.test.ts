import { Match } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adminGroup,
  assetsPathPrefix,
  cacheSeconds,
  contentTable,
  countersTable,
  editorGroup,
  initialTenantIds,
  mediaBucket,
  tableName,
} from '../../infra/definitions.ts'
import { validateDeployOptions } from '../../infra/stacks/index.ts'
import { custom, resource, resourcesOf, synthesize, synthesizeBoth, type Synthesized } from './synth.ts'

/** Every action a policy statement allows, flattened. */
const actionsOf = (policy: any): string[] =>
  policy.Properties.PolicyDocument.Statement.flatMap((s: any) => (Array.isArray(s.Action) ? s.Action : [s.Action]))

describe('synthesized stacks', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let withDomain: Synthesized
  let cleanup = () => {}
  beforeAll(async () => {
    ;({ plain, withDomain, cleanup } = await synthesizeBoth())
  }, 120_000)
  afterAll(() => cleanup())

  describe('data', () => {
    it('protects both tables: PITR, deletion protection, retained, KMS encryption, on-demand', () => {
      const tables = resourcesOf(plain.templates.data, 'AWS::DynamoDB::Table')
      expect(tables.map(([, t]) => t.Properties.TableName).sort()).toEqual(
        [contentTable, countersTable].map((d) => tableName('kompetansebroen-prod', d)).sort(),
      )
      for (const [, table] of tables) {
        expect(table.DeletionPolicy).toBe('Retain')
        expect(table.UpdateReplacePolicy).toBe('Retain')
        expect(table.Properties).toMatchObject({
          BillingMode: 'PAY_PER_REQUEST',
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        })
        // SSEEnabled without a key: KMS with the AWS-managed aws/dynamodb key (not the AWS-owned default).
        expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true })
      }
    })
  })

  describe('buckets', () => {
    const buckets = (s: Synthesized) => ({
      media: resource(s.templates.web, 'AWS::S3::Bucket', 'BucketsMedia')[1],
      assets: resource(s.templates.web, 'AWS::S3::Bucket', 'BucketsAssets')[1],
      logs: resource(s.templates.web, 'AWS::S3::Bucket', 'BucketsLogs')[1],
    })

    it('keeps every bucket private, encrypted and retained', () => {
      for (const bucket of Object.values(buckets(plain))) {
        expect(bucket.DeletionPolicy).toBe('Retain')
        expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
          SSEAlgorithm: 'AES256',
        })
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        })
      }
    })

    it('denies non-TLS requests on every bucket', () => {
      for (const name of ['BucketsMedia', 'BucketsAssets', 'BucketsLogs']) {
        const [, policy] = resource(plain.templates.web, 'AWS::S3::BucketPolicy', `${name}Policy`)
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        )
      }
    })

    it('versions the media bucket, logs access, and aborts stale multipart uploads as defined', () => {
      const { media, assets } = buckets(plain)
      expect(media.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' })
      expect(media.Properties.LifecycleConfiguration.Rules).toContainEqual(
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: mediaBucket.abortIncompleteMultipartUploadAfterDays },
          Status: 'Enabled',
        }),
      )
      for (const bucket of [media, assets]) {
        expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/^BucketsLogs/) })
      }
      expect(buckets(plain).logs.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerPreferred' }])
    })

    it('expires staged uploads, which CloudFront never serves, after a day', () => {
      expect(buckets(plain).media.Properties.LifecycleConfiguration.Rules).toContainEqual({
        Id: 'expire-staged-uploads',
        Prefix: mediaBucket.stagingKeyPrefix,
        ExpirationInDays: mediaBucket.stagingExpiryDays,
        NoncurrentVersionExpiration: { NoncurrentDays: mediaBucket.stagingExpiryDays },
        Status: 'Enabled',
      })
      expect(mediaBucket.stagingKeyPrefix.startsWith(mediaBucket.keyPrefix)).toBe(false)
    })

    it('allows CORS from the site origin only, with the defined methods and headers', () => {
      const rule = (s: Synthesized) => buckets(s).media.Properties.CorsConfiguration.CorsRules
      const expected = (origin: string) => [
        {
          AllowedOrigins: [origin],
          AllowedMethods: [...mediaBucket.cors.allowedMethods],
          AllowedHeaders: [...mediaBucket.cors.allowedHeaders],
          ExposedHeaders: [...mediaBucket.cors.exposedHeaders],
          MaxAge: mediaBucket.cors.maxAgeSeconds,
        },
      ]
      expect(rule(withDomain)).toEqual(expected(`https://${custom.domainName}`))
      expect(rule(plain)).toEqual(expected('https://localhost'))
    })

    it('deploys the web assets under assets/ with immutable caching and without pruning old builds', () => {
      plain.templates.web.hasResourceProperties('Custom::CDKBucketDeployment', {
        DestinationBucketKeyPrefix: assetsPathPrefix.slice(1),
        Prune: false,
        SystemMetadata: { 'cache-control': `public, max-age=${cacheSeconds.assets}, immutable` },
      })
    })
  })

  describe('functions', () => {
    const functions = (s: Synthesized) => ({
      api: resource(s.templates.web, 'AWS::Lambda::Function', 'FunctionsApiFunction')[1].Properties,
      site: resource(s.templates.web, 'AWS::Lambda::Function', 'FunctionsSiteFunction')[1].Properties,
    })

    it('runs both on Node.js 24, arm64, ESM bundles, with explicit memory, timeout and log retention', () => {
      const { api, site } = functions(plain)
      for (const fn of [api, site]) {
        expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: 1024 })
        expect(fn.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps')
        const logGroup = plain.templates.web.toJSON().Resources[fn.LoggingConfig.LogGroup.Ref]
        expect(logGroup.Properties.RetentionInDays).toBe(30)
      }
      expect(api.Timeout).toBe(29)
      expect(site.Timeout).toBe(10)
    })

    it('passes each function the configuration it reads', () => {
      const { api, site } = functions(plain)
      for (const fn of [api, site]) {
        expect(Object.keys(fn.Environment.Variables)).toEqual(expect.arrayContaining(['CONTENT_TABLE', 'COUNTERS_TABLE', 'MEDIA_BUCKET']))
        expect(fn.Environment.Variables.SITE_ORIGIN).toBeUndefined()
      }
      expect(Object.keys(api.Environment.Variables)).toEqual(expect.arrayContaining(['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_CLIENT_ID']))
      expect(JSON.parse(site.Environment.Variables.ASSETS)).toEqual(plain.web.manifest)
      for (const fn of Object.values(functions(withDomain))) {
        expect(fn.Environment.Variables.SITE_ORIGIN).toBe(`https://${custom.domainName}`)
      }
    })

    it('gives each function its own role, with no AWS-managed policies', () => {
      const { api, site } = functions(plain)
      expect(api.Role).not.toEqual(site.Role)
      for (const [, role] of resourcesOf(plain.templates.web, 'AWS::IAM::Role')) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined()
      }
    })

    it('lets the site only read content, and the api write only where it must', () => {
      const policiesOf = (rolePrefix: string) =>
        resourcesOf(plain.templates.web, 'AWS::IAM::Policy').filter(([, p]) =>
          p.Properties.Roles.some((r: any) => String(r.Ref).startsWith(rolePrefix)),
        )
      const siteActions = policiesOf('FunctionsSiteRole').flatMap(([, p]) => actionsOf(p))
      // Transcripts come from DynamoDB too: the site has no S3 access at all.
      expect(siteActions.filter((a) => !a.startsWith('logs:')).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'])
      expect(siteActions.filter((a) => a.startsWith('logs:')).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents'])

      const apiActions = policiesOf('FunctionsApiRole').flatMap(([, p]) => actionsOf(p))
      expect(apiActions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 's3:PutObject', 'cloudfront:CreateInvalidation']))
      expect(apiActions.filter((a) => a.includes('*'))).toEqual([])
      expect(apiActions).not.toContain('dynamodb:Scan')
      // Granted only what code does: no batch writes, and no counters table until something counts.
      expect(apiActions).not.toContain('dynamodb:BatchWriteItem')
      const apiResources = JSON.stringify(policiesOf('FunctionsApiRole').map(([, p]) => p.Properties.PolicyDocument))
      expect(apiResources).not.toMatch(/Counters/)
      // Uploads are signed for, read (verified) and removed under the staging prefix; readers' keys are only
      // ever written by copying a verified upload, or deleted with it (issue 10, hole 5).
      const objectStatements = policiesOf('FunctionsApiRole')
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: any) => [s.Action].flat().some((action: string) => action.startsWith('s3:') && action !== 's3:ListBucket'))
        .map((s: any) => [JSON.stringify(s.Resource).match(/"\/([a-z]+\/)\*"/)?.[1], [s.Action].flat().sort()])
      expect(objectStatements).toEqual([
        [mediaBucket.stagingKeyPrefix, ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject']],
        [mediaBucket.keyPrefix, ['s3:DeleteObject', 's3:PutObject']],
      ])
    })
  })

  describe('auth', () => {
    it('only lets admins create users, with a strong password policy and required TOTP', () => {
      const [, pool] = resource(plain.templates.auth, 'AWS::Cognito::UserPool', 'Editors')
      expect(pool.DeletionPolicy).toBe('Retain')
      expect(pool.Properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'PLUS',
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      })
      const passwords = pool.Properties.Policies.PasswordPolicy
      expect(passwords.MinimumLength).toBeGreaterThanOrEqual(12)
      expect(passwords).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true })
    })

    it('has the admin group and an editor group for every initial tenant', () => {
      const groups = resourcesOf(plain.templates.auth, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName)
      expect(groups.sort()).toEqual([adminGroup, ...initialTenantIds.map(editorGroup)].sort())
    })

    it('has a public PKCE client returning to /redaktor/ on the site and a hosted-UI domain', () => {
      const client = (s: Synthesized) => resource(s.templates.auth, 'AWS::Cognito::UserPoolClient', 'EditorsEditorWorkspace')[1].Properties
      expect(client(plain)).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://localhost/redaktor/'] })
      expect(client(withDomain).CallbackURLs).toEqual([`https://${custom.domainName}/redaktor/`])
      plain.templates.auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'kompetansebroen-prod' })
      for (const output of ['UserPoolId', 'UserPoolClientId', 'Issuer', 'JwksUrl']) plain.templates.auth.hasOutput(output, Match.anyValue())
    })
  })
})

describe('deploy options', () => {
  const valid = { stage: 'prod' }
  it.each([
    [{ stage: 'Prod' }, /stage/],
    [{ stage: 'prod_1' }, /stage/],
    [{ ...valid, domainName: 'kompetansebroen.no' }, /go together/],
    [{ ...valid, domainName: 'https://kompetansebroen.no', certificateArn: custom.certificateArn }, /host name/],
    [{ ...valid, domainName: 'kompetansebroen.no', certificateArn: custom.certificateArn.replace('us-east-1', 'eu-north-1') }, /us-east-1/],
  ])('rejects %j before anything is built', (options, message) => {
    expect(() => validateDeployOptions(options)).toThrow(message)
  })

  it('accepts a stage alone, or a stage with a domain and its us-east-1 certificate', () => {
    expect(() => validateDeployOptions(valid)).not.toThrow()
    expect(() => validateDeployOptions({ stage: 'test-2', ...custom })).not.toThrow()
  })
})

describe('scheduled publishing', () => {
  it('invokes the api function once a minute', async () => {
    const synth = await synthesize()
    const rules = Object.values(synth.templates.web.findResources('AWS::Events::Rule')) as Array<{ Properties: { ScheduleExpression: string; Targets: Array<{ Arn: unknown }> } }>
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['rate(1 minute)'])
    expect(JSON.stringify(rules[0]!.Properties.Targets[0]!.Arn)).toContain('FunctionsApiFunction')
    synth.cleanup()
  }, 120_000)
})
