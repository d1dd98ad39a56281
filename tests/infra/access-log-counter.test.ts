import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cloudFrontLogPrefix } from '../../infra/stacks/access-log-counter.ts'
import { resource, resourcesOf, synthesize, type Synthesized } from './synth.ts'

/** Issue 15: podcast downloads counted from CloudFront's log files by a function of their own, with a narrow role. */
describe('access-log function', { timeout: 180_000 }, () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  })
  afterAll(() => synth?.cleanup())

  const template = () => synth.templates.web.toJSON()
  const statements = () =>
    resourcesOf(synth.templates.web, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith('FunctionsAccessLogsRole')))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
  const logBucketId = () => resourcesOf(synth.templates.web, 'AWS::S3::Bucket').find(([id]) => id.startsWith('BucketsLogs'))![0]

  it('runs on each log file the site distribution delivers, and on nothing else of the bucket', () => {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', 'FunctionsAccessLogsFunction')
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 512, Timeout: 120 })
    const distribution = resource(synth.templates.web, 'AWS::CloudFront::Distribution', 'CdnDistribution')[1]
    expect(distribution.Properties.DistributionConfig.Logging.Prefix).toBe(cloudFrontLogPrefix)
    const [, notifications] = resourcesOf(synth.templates.web, 'Custom::S3BucketNotifications').find(([, n]) => n.Properties.BucketName.Ref === logBucketId())!
    const configurations = notifications.Properties.NotificationConfiguration.LambdaFunctionConfigurations
    expect(configurations).toHaveLength(1)
    expect(configurations[0].Events).toEqual(['s3:ObjectCreated:*'])
    expect(configurations[0].Filter.Key.FilterRules).toEqual([{ Name: 'prefix', Value: cloudFrontLogPrefix }])
    expect(configurations[0].LambdaFunctionArn['Fn::GetAtt'][0]).toMatch(/^FunctionsAccessLogsFunction/)
    const permission = resourcesOf(synth.templates.web, 'AWS::Lambda::Permission').find(([, p]) => String(p.Properties.FunctionName['Fn::GetAtt']?.[0]).startsWith('FunctionsAccessLogsFunction'))
    expect(permission![1].Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: { 'Fn::GetAtt': [logBucketId(), 'Arn'] } })
  })

  it('may read the log files, media records and write only its counter partitions', () => {
    const summary = statements()
      .filter((s: any) => ![s.Action].flat().every((a: string) => a.startsWith('logs:') || a.startsWith('xray:')))
      .map((s: any) => [[s.Action].flat(), s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? JSON.stringify(s.Resource)])
    expect(summary).toEqual([
      [['s3:GetObject'], expect.stringContaining(`/${cloudFrontLogPrefix}*`)],
      [['dynamodb:GetItem'], ['TENANT#*']],
      [['dynamodb:UpdateItem'], ['STAT#*']],
      [['dynamodb:UpdateItem'], ['LISTENER#*']],
      [['dynamodb:GetItem', 'dynamodb:PutItem'], ['SALT#*']],
      [['dynamodb:GetItem', 'dynamodb:PutItem'], ['LOGFILE#*']],
    ])
    expect(JSON.stringify(statements().find((s: any) => s.Action === 's3:GetObject').Resource)).toContain(logBucketId())
    for (const statement of statements().filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')))) {
      expect(statement.Condition.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' })
      expect(JSON.stringify(statement.Resource)).not.toContain('index')
    }
    expect(Object.keys(template().Resources).filter((id) => id.startsWith('FunctionsAccessLogsRole') && template().Resources[id].Type === 'AWS::IAM::Role')).toHaveLength(1)
  })
})
