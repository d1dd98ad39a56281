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
    const names = ['Site', 'PublicApi', 'EditorApi', 'Scheduler', 'MediaWorker'] as const
    type Name = (typeof names)[number]
    const functions = (s: Synthesized) =>
      Object.fromEntries(names.map((name) => [name, resource(s.templates.web, 'AWS::Lambda::Function', `Functions${name}Function`)[1].Properties])) as Record<Name, any>
    const policiesOf = (name: Name) =>
      resourcesOf(plain.templates.web, 'AWS::IAM::Policy').filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith(`Functions${name}Role`)))
    const actions = (name: Name) => policiesOf(name).flatMap(([, p]) => actionsOf(p))
    const nonLog = (name: Name) => [...new Set(actions(name).filter((a) => !a.startsWith('logs:')))].sort()
    /** [key prefix, sorted actions] for each statement on media objects. */
    const objectStatements = (name: Name) =>
      policiesOf(name)
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
        .filter((s: any) => [s.Action].flat().some((action: string) => action.startsWith('s3:') && action !== 's3:ListBucket'))
        .map((s: any) => [JSON.stringify(s.Resource).match(/"\/([a-z]+\/)\*"/)?.[1], [s.Action].flat().sort()])
    const reads = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']
    const writes = ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']

    it('has the five functions, split by who waits, on Node.js 24, arm64, ESM bundles, with explicit memory, timeout and log retention', () => {
      const all = functions(plain)
      const nodeFunctions = resourcesOf(plain.templates.web, 'AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Runtime).startsWith('nodejs'))
      expect(nodeFunctions).toHaveLength(5)
      for (const fn of Object.values(all)) {
        expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' })
        expect(fn.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps')
        const logGroup = plain.templates.web.toJSON().Resources[fn.LoggingConfig.LogGroup.Ref]
        expect(logGroup.Properties.RetentionInDays).toBe(30)
      }
      const sizing = Object.fromEntries(names.map((name) => [name, [all[name].MemorySize, all[name].Timeout]]))
      expect(sizing).toEqual({ Site: [1024, 10], PublicApi: [1024, 10], EditorApi: [1024, 29], Scheduler: [512, 55], MediaWorker: [2048, 300] })
    })

    it('passes each function the configuration it reads', () => {
      const all = functions(plain)
      for (const fn of Object.values(all)) {
        expect(Object.keys(fn.Environment.Variables)).toEqual(expect.arrayContaining(['CONTENT_TABLE', 'COUNTERS_TABLE', 'MEDIA_BUCKET']))
        expect(fn.Environment.Variables.SITE_ORIGIN).toBeUndefined()
      }
      expect(Object.keys(all.EditorApi.Environment.Variables)).toEqual(
        expect.arrayContaining(['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_CLIENT_ID', 'USER_POOL_ID', 'DISTRIBUTION_ID_PARAMETER']),
      )
      expect(Object.keys(all.Scheduler.Environment.Variables)).toContain('DISTRIBUTION_ID_PARAMETER')
      // Sign-in settings only where editors sign in.
      for (const name of ['Site', 'PublicApi', 'Scheduler', 'MediaWorker'] as const) {
        expect(Object.keys(all[name].Environment.Variables).filter((key) => /^AUTH_|USER_POOL/.test(key)), name).toEqual([])
      }
      expect(JSON.parse(all.Site.Environment.Variables.ASSETS)).toEqual(plain.web.manifest)
      for (const fn of Object.values(functions(withDomain))) {
        expect(fn.Environment.Variables.SITE_ORIGIN).toBe(`https://${custom.domainName}`)
      }
    })

    it('gives each function its own role, and only CDK’s deploy-time notification handler an AWS-managed policy', () => {
      const roles = Object.values(functions(plain)).map((fn) => JSON.stringify(fn.Role))
      expect(new Set(roles).size).toBe(5)
      for (const [id, role] of resourcesOf(plain.templates.web, 'AWS::IAM::Role')) {
        if (id.startsWith('BucketNotificationsHandler')) continue
        expect(role.Properties.ManagedPolicyArns, id).toBeUndefined()
      }
      for (const name of names) {
        expect(actions(name).filter((a) => a.startsWith('logs:')).sort(), name).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents'])
        expect(actions(name).filter((a) => a.includes('*')), name).toEqual([])
        expect(actions(name), name).not.toContain('dynamodb:Scan')
        // Granted only what code does: no batch writes, and no counters table until something counts.
        expect(actions(name), name).not.toContain('dynamodb:BatchWriteItem')
        expect(JSON.stringify(policiesOf(name).map(([, p]) => p.Properties.PolicyDocument)), name).not.toMatch(/Counters/)
      }
    })

    it('lets the site and the public API only read content', () => {
      // Transcripts come from DynamoDB too: the site has no S3 access at all. Health reads like any request.
      expect(nonLog('Site')).toEqual(reads)
      expect(nonLog('PublicApi')).toEqual(reads)
    })

    it('gives Cognito, uploads signing and account management to the editor API alone', () => {
      expect(nonLog('EditorApi')).toEqual(
        [
          ...reads,
          ...writes,
          's3:AbortMultipartUpload',
          's3:DeleteObject',
          's3:GetObject',
          's3:ListBucket',
          's3:ListMultipartUploadParts',
          's3:PutObject',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:CreateGroup',
          'cognito-idp:ListUsers',
          'ssm:GetParameter',
          'cloudfront:CreateInvalidation',
        ].sort(),
      )
      for (const name of names.filter((n) => n !== 'EditorApi')) expect(actions(name).filter((a) => a.startsWith('cognito-idp:')), name).toEqual([])
      // Uploads are signed for, read (verified) and removed under the staging prefix; readers' keys are only
      // ever written by copying a verified upload, or deleted with it (issue 10, hole 5).
      expect(objectStatements('EditorApi')).toEqual([
        [mediaBucket.stagingKeyPrefix, ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject']],
        [mediaBucket.keyPrefix, ['s3:DeleteObject', 's3:PutObject']],
      ])
    })

    it('lets the scheduler publish and invalidate, and nothing else', () => {
      expect(nonLog('Scheduler')).toEqual([...reads, ...writes, 'cloudfront:CreateInvalidation', 'ssm:GetParameter'].sort())
    })

    it('lets the media worker read and delete staged uploads and write only by copying to the public prefix', () => {
      expect(nonLog('MediaWorker')).toEqual([...reads, ...writes, 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'].sort())
      expect(objectStatements('MediaWorker')).toEqual([
        [mediaBucket.stagingKeyPrefix, ['s3:DeleteObject', 's3:GetObject']],
        [mediaBucket.keyPrefix, ['s3:PutObject']],
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

describe('triggers', () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  }, 120_000)
  afterAll(() => synth?.cleanup())

  it('invokes the scheduler function once a minute', () => {
    const rules = Object.values(synth.templates.web.findResources('AWS::Events::Rule')) as Array<{ Properties: { ScheduleExpression: string; Targets: Array<{ Arn: unknown }> } }>
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['rate(1 minute)'])
    expect(rules[0]!.Properties.Targets).toHaveLength(1)
    expect(JSON.stringify(rules[0]!.Properties.Targets[0]!.Arn)).toContain('FunctionsSchedulerFunction')
  })

  it('invokes the media worker for every object created under the staging prefix, and for nothing else', () => {
    const [, notifications] = resource(synth.templates.web, 'Custom::S3BucketNotifications', '')
    expect(JSON.stringify(notifications.Properties.BucketName)).toContain('BucketsMedia')
    const { LambdaFunctionConfigurations: lambdas, ...others } = notifications.Properties.NotificationConfiguration
    expect(others).toEqual({})
    expect(lambdas).toEqual([
      {
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: mediaBucket.stagingKeyPrefix }] } },
        LambdaFunctionArn: { 'Fn::GetAtt': [expect.stringMatching(/^FunctionsMediaWorkerFunction/), 'Arn'] },
      },
    ])
    // S3 may invoke the worker, and only from this account's media bucket.
    const fromS3 = resourcesOf(synth.templates.web, 'AWS::Lambda::Permission').filter(([, p]) => p.Properties.Principal === 's3.amazonaws.com')
    expect(fromS3).toHaveLength(1)
    expect(JSON.stringify(fromS3[0]![1].Properties.FunctionName)).toContain('FunctionsMediaWorkerFunction')
    expect(JSON.stringify(fromS3[0]![1].Properties.SourceArn)).toContain('BucketsMedia')
  })
})
