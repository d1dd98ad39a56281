import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attemptKey, certificateKey, tenantPk } from '../../functions/courses/exam-keys.ts'
import { mediaBucket } from '../../infra/definitions.ts'
import { invalidationStreamFilter } from '../../functions/content/invalidation-outbox.ts'
import { readerRecordPrefixes } from '../../infra/stacks/grants.ts'
import { custom, resource, resourcesOf, synthesize, synthesizeBoth, type Synthesized } from './synth.ts'

/** Every action a policy statement allows, flattened. */
const actionsOf = (policy: any): string[] =>
  policy.Properties.PolicyDocument.Statement.flatMap((s: any) => (Array.isArray(s.Action) ? s.Action : [s.Action]))

/** The eight functions, split by who waits (issue 16): each its own role with exactly what its code does. */
describe('functions', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let withDomain: Synthesized
  let cleanup = () => {}
  beforeAll(async () => {
    ;({ plain, withDomain, cleanup } = await synthesizeBoth())
  })
  afterAll(() => cleanup())

  const names = ['Site', 'PublicApi', 'Exams', 'Search', 'EditorApi', 'Scheduler', 'MediaWorker'] as const
  type Name = (typeof names)[number] | 'Invalidator'
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

  it('has the nine functions, split by who waits, on Node.js 24, arm64, ESM bundles, with explicit memory, timeout and log retention', () => {
    const all = { ...functions(plain), Invalidator: resource(plain.templates.web, 'AWS::Lambda::Function', 'FunctionsInvalidatorFunction')[1].Properties }
    // Beside them only CDK's reader of the Lambda@Edge version's ARN from us-east-1, which runs at deploy time.
    const nodeFunctions = resourcesOf(plain.templates.web, 'AWS::Lambda::Function')
      .filter(([, fn]) => String(fn.Properties.Runtime).startsWith('nodejs'))
      .filter(([id]) => !id.startsWith('CustomCrossRegionStringParameterReader'))
    // The ninth, event sign-ups, and the tenth, access-log counting, have their own tests (tests/infra/events-function.test.ts,
    // access-log-counter.test.ts).
    expect(nodeFunctions).toHaveLength(10)
    for (const fn of Object.values(all)) {
      expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' })
      expect(fn.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps')
      const logGroup = plain.templates.web.toJSON().Resources[fn.LoggingConfig.LogGroup.Ref]
      expect(logGroup.Properties.RetentionInDays).toBe(30)
    }
    const sizing = Object.fromEntries(names.map((name) => [name, [all[name].MemorySize, all[name].Timeout]]))
    expect(sizing).toEqual({ Site: [1024, 10], PublicApi: [1024, 10], Exams: [1024, 15], Search: [1536, 10], EditorApi: [1024, 29], Scheduler: [512, 55], MediaWorker: [2048, 300] })
    expect([all.Invalidator.MemorySize, all.Invalidator.Timeout]).toEqual([256, 30])
  })

  it('passes each function the configuration it reads', () => {
    const all = functions(plain)
    for (const fn of Object.values(all)) {
      expect(Object.keys(fn.Environment.Variables)).toEqual(expect.arrayContaining(['CONTENT_TABLE', 'COUNTERS_TABLE', 'MEDIA_BUCKET']))
      expect(fn.Environment.Variables.SITE_ORIGIN).toBeUndefined()
    }
    expect(Object.keys(all.EditorApi.Environment.Variables)).toEqual(expect.arrayContaining(['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_CLIENT_ID', 'USER_POOL_ID']))
    // The invalidator alone knows the distribution, as a plain variable: nothing the distribution calls refers to it.
    const [, invalidator] = resource(plain.templates.web, 'AWS::Lambda::Function', 'FunctionsInvalidatorFunction')
    expect(invalidator.Properties.Environment.Variables).toEqual({ NODE_OPTIONS: '--enable-source-maps', DISTRIBUTION_ID: { Ref: expect.stringMatching(/^CdnDistribution/) } })
    for (const fn of Object.values(all)) expect(Object.keys(fn.Environment.Variables).filter((key) => key.startsWith('DISTRIBUTION'))).toEqual([])
    expect(resourcesOf(plain.templates.web, 'AWS::SSM::Parameter')).toEqual([])
    // Sign-in settings only where editors sign in.
    for (const name of ['Site', 'PublicApi', 'Exams', 'Search', 'Scheduler', 'MediaWorker'] as const) {
      expect(Object.keys(all[name].Environment.Variables).filter((key) => /^AUTH_|USER_POOL/.test(key)), name).toEqual([])
    }
    expect(JSON.parse(all.Site.Environment.Variables.ASSETS)).toEqual(plain.web.manifest)
    for (const fn of Object.values(functions(withDomain))) {
      expect(fn.Environment.Variables.SITE_ORIGIN).toBe(`https://${custom.domainName}`)
    }
  })

  it('gives each function its own role, and only CDK’s deploy-time handlers an AWS-managed policy', () => {
    const roles = Object.values(functions(plain)).map((fn) => JSON.stringify(fn.Role))
    roles.push(JSON.stringify(resource(plain.templates.web, 'AWS::Lambda::Function', 'FunctionsInvalidatorFunction')[1].Properties.Role))
    expect(new Set(roles).size).toBe(8)
    for (const [id, role] of resourcesOf(plain.templates.web, 'AWS::IAM::Role')) {
      // S3 notifications and the edge function's ARN, both written once per deploy by CDK's custom resources.
      if (id.startsWith('BucketNotificationsHandler') || id.startsWith('CustomCrossRegionStringParameterReader')) continue
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined()
    }
    for (const name of [...names, 'Invalidator'] as const) {
      expect(actions(name).filter((a) => a.startsWith('logs:')).sort(), name).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents'])
      expect(actions(name).filter((a) => a.includes('*')), name).toEqual([])
      expect(actions(name), name).not.toContain('dynamodb:Scan')
      // Granted only what code does: no batch writes, and the counters table only where courses are counted or read.
      expect(actions(name), name).not.toContain('dynamodb:BatchWriteItem')
      if (name !== 'Exams' && name !== 'EditorApi') expect(JSON.stringify(policiesOf(name).map(([, p]) => p.Properties.PolicyDocument)), name).not.toMatch(/Counters/)
    }
  })

  it('lets the site and the public API only read content, and the exams function read it and write readers’ own records', () => {
    // Transcripts come from DynamoDB too: the site has no S3 access at all. Health reads like any request.
    expect(nonLog('Site')).toEqual(reads)
    // The public API is read-only: readers' form posts go to the exams function.
    expect(nonLog('PublicApi')).toEqual(reads)
    expect(policiesOf('PublicApi').flatMap(([, p]) => p.Properties.PolicyDocument.Statement).filter((s: any) => s.Condition)).toEqual([])
    const statements = policiesOf('Exams').flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    // Starting an attempt reads the catalog, the published course and its exam.
    const unconditioned = statements.filter((s: any) => !s.Condition).flatMap((s: any) => [s.Action].flat())
    expect(unconditioned.filter((a: string) => !a.startsWith('logs:')).sort()).toEqual(reads)
    // Form posts (exam attempts, answers, certificates) write only partitions whose key starts with their prefix:
    // never an edition's content (TENANT#…), whatever a reader route gets wrong.
    const writing = statements.filter((s: any) => s.Condition)
    expect(writing).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        // The content table itself (no index: writes go to the table).
        Resource: { 'Fn::GetStackOutput': expect.objectContaining({ StackName: 'kompetansebroen-prod-data', OutputName: expect.stringMatching(/ContentTable.*Arn/) }) },
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ATTEMPT#*', 'CERT#*'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      },
      // Courses' anonymous counts: ADD only, only in the course-stat partitions of the counters table.
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetStackOutput': expect.objectContaining({ OutputName: expect.stringMatching(/CountersTable.*Arn/) }) },
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['COURSESTAT#*'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      },
      // Page views (issue 15): ADD only, only in the analytics counts' partitions.
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetStackOutput': expect.objectContaining({ OutputName: expect.stringMatching(/CountersTable.*Arn/) }) },
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['STAT#*'] },
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      },
    ])
    // The editor API reads the counts (a course's statistics page, the analytics page) and nothing else of the counters table.
    const editorCounters = policiesOf('EditorApi')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => /CountersTable/.test(JSON.stringify(s.Resource)))
    expect(editorCounters.map((s: any) => [s.Action, s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']])).toEqual([
      ['dynamodb:Query', ['COURSESTAT#*']],
      ['dynamodb:Query', ['STAT#*']],
    ])
    expect(actions('Exams')).not.toContain('dynamodb:DeleteItem')
  })

  it('names in the exams function’s write condition exactly the partitions the reader routes build', () => {
    const prefixes = readerRecordPrefixes.map((prefix) => `${prefix}*`)
    const matches = (pk: string) => prefixes.some((pattern) => pk.startsWith(pattern.slice(0, -1)))
    expect(matches(attemptKey('01JD0000000000000000000000').PK)).toBe(true)
    expect(matches(certificateKey('ABCD-EFGH').PK)).toBe(true)
    expect(matches(tenantPk('innlandet'))).toBe(false)
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
        // The newsletter's test send goes to the signed-in editor's own verified address (issue 14).
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
        // Admins change an editor's editions and admin right, deactivate and reactivate accounts (issue 17).
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        // Deactivating ends the account's sessions too: its refresh tokens are revoked (issue 17).
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:CreateGroup',
        'cognito-idp:ListUsers',
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

  it('lets the scheduler publish, and nothing else', () => {
    expect(nonLog('Scheduler')).toEqual([...reads, ...writes].sort())
  })

  it('lets the invalidator alone invalidate, the one distribution, reading the one stream and no table', () => {
    for (const name of names) expect(actions(name).filter((a) => a.startsWith('cloudfront:') || a.startsWith('ssm:')), name).toEqual([])
    expect(nonLog('Invalidator')).toEqual(
      [
        'cloudfront:CreateInvalidation',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        // The on-failure destination: CDK's grant to send a spent batch's metadata to the queue.
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ].sort(),
    )
    const statements = policiesOf('Invalidator').flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    const resourceOf = (action: string) => JSON.stringify(statements.filter((s: any) => [s.Action].flat().includes(action)).map((s: any) => s.Resource))
    expect(resourceOf('cloudfront:CreateInvalidation')).toMatch(/CdnDistribution/)
    // The content table's stream, from the data stack: never `*`, never the table itself.
    expect(resourceOf('dynamodb:GetRecords')).toMatch(/ContentTable.*StreamArn/)
    expect(resourceOf('dynamodb:ListStreams')).toBe(resourceOf('dynamodb:GetRecords'))
    expect(resourceOf('sqs:SendMessage')).toMatch(/FunctionsInvalidatorFailures/)
  })

  it('lets the media worker read and delete staged uploads, and write (and clean up) only under the public prefix', () => {
    expect(nonLog('MediaWorker')).toEqual([...reads, ...writes, 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'].sort())
    expect(objectStatements('MediaWorker')).toEqual([
      [mediaBucket.stagingKeyPrefix, ['s3:DeleteObject', 's3:GetObject']],
      [mediaBucket.keyPrefix, ['s3:DeleteObject', 's3:PutObject']],
    ])
  })
})

describe('triggers', () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  })
  afterAll(() => synth?.cleanup())

  it('invokes the scheduler function once a minute', () => {
    const rules = Object.values(synth.templates.web.findResources('AWS::Events::Rule')) as Array<{ Properties: { ScheduleExpression: string; Targets: Array<{ Arn: unknown }> } }>
    expect(rules.map((rule) => rule.Properties.ScheduleExpression)).toEqual(['rate(1 minute)'])
    expect(rules[0]!.Properties.Targets).toHaveLength(1)
    expect(JSON.stringify(rules[0]!.Properties.Targets[0]!.Arn)).toContain('FunctionsSchedulerFunction')
  })

  it('invokes the invalidator for new CDN outbox records in the content table’s stream, and for nothing else', () => {
    const [, mapping] = resource(synth.templates.web, 'AWS::Lambda::EventSourceMapping', '')
    expect(mapping.Properties).toEqual({
      FunctionName: { Ref: expect.stringMatching(/^FunctionsInvalidatorFunction/) },
      EventSourceArn: expect.anything(),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 2,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [expect.stringMatching(/^FunctionsInvalidatorFailures/), 'Arn'] } } },
      // The very object the local poller filters with (infra/local/content-stream.ts).
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(invalidationStreamFilter) }] },
    })
    expect(JSON.stringify(mapping.Properties.EventSourceArn)).toMatch(/ContentTable.*StreamArn/)
    const [, table] = resource(synth.templates.data, 'AWS::DynamoDB::Table', 'ContentTable')
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' })
    const [, queue] = resource(synth.templates.web, 'AWS::SQS::Queue', 'FunctionsInvalidatorFailures')
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 })
  })

  it('invokes the media worker for every object created under the staging prefix, and for nothing else', () => {
    const [, notifications] = resource(synth.templates.web, 'Custom::S3BucketNotifications', 'BucketsMedia')
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
    // S3 may invoke the worker, and only from this account's media bucket (the access-log function's own: access-log-counter.test.ts).
    const fromS3 = resourcesOf(synth.templates.web, 'AWS::Lambda::Permission')
      .filter(([, p]) => p.Properties.Principal === 's3.amazonaws.com')
      .filter(([, p]) => !JSON.stringify(p.Properties.FunctionName).includes('FunctionsAccessLogs'))
    expect(fromS3).toHaveLength(1)
    expect(JSON.stringify(fromS3[0]![1].Properties.FunctionName)).toContain('FunctionsMediaWorkerFunction')
    expect(JSON.stringify(fromS3[0]![1].Properties.SourceArn)).toContain('BucketsMedia')
  })
})
