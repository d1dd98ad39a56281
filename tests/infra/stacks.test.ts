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
import { defaultRegion, validateDeployOptions } from '../../infra/stacks/index.ts'
import { custom, resource, resourcesOf, synthesizeBoth, type Synthesized } from './synth.ts'

describe('synthesized stacks', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let withDomain: Synthesized
  let cleanup = () => {}
  beforeAll(async () => {
    ;({ plain, withDomain, cleanup } = await synthesizeBoth())
  })
  afterAll(() => cleanup())

  it('puts auth, data and web in the one region the operator chose (default eu-north-1), the edge function in us-east-1', () => {
    const { auth, data, web, edge } = plain.stacks
    expect([auth, data, web].map((stack) => stack.region)).toEqual(Array(3).fill(defaultRegion))
    expect(edge.region).toBe('us-east-1')
    // Accounts stay the deploying credentials'.
    for (const stack of [auth, data, web, edge]) expect(stack.resolve(stack.account)).toEqual({ Ref: 'AWS::AccountId' })
  })

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
    [{ ...valid, region: 'Stockholm' }, /region/],
    [{ ...valid, domainName: 'kompetansebroen.no' }, /go together/],
    [{ ...valid, domainName: 'https://kompetansebroen.no', certificateArn: custom.certificateArn }, /host name/],
    [{ ...valid, domainName: 'kompetansebroen.no', certificateArn: custom.certificateArn.replace('us-east-1', 'eu-north-1') }, /us-east-1/],
  ])('rejects %j before anything is built', (options, message) => {
    expect(() => validateDeployOptions(options)).toThrow(message)
  })

  it('accepts a stage alone, or a stage with a region, or with a domain and its us-east-1 certificate', () => {
    expect(() => validateDeployOptions(valid)).not.toThrow()
    expect(() => validateDeployOptions({ ...valid, region: 'eu-west-1' })).not.toThrow()
    expect(() => validateDeployOptions({ stage: 'test-2', ...custom })).not.toThrow()
  })
})
