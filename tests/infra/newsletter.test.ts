import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventsPathPatterns, matchesPathPattern } from '../../infra/definitions.ts'
import { resourcesOf, resource, synthesizeWithAndWithoutMail, type Synthesized } from './synth.ts'

/** Issue 14: the newsletter's bounces and complaints, its SES permissions and its reader paths, in the template. */
describe('newsletter infrastructure', { timeout: 180_000 }, () => {
  let withMail: Synthesized
  let withoutMail: Synthesized
  beforeAll(async () => {
    ;[withMail, withoutMail] = await synthesizeWithAndWithoutMail()
  })
  afterAll(() => [withMail, withoutMail].forEach((s) => s?.cleanup()))

  const web = () => withMail.templates.web
  const statementsOf = (role: string) =>
    resourcesOf(web(), 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith(role)))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
  const actions = (statement: any) => [statement.Action].flat() as string[]

  it('sends the reader pages to the events function, and no item page', () => {
    const events = (path: string) => eventsPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
    for (const path of ['/akershus/nyhetsbrev', '/akershus/nyhetsbrev/sjekk-innboksen', `/ostfold/nyhetsbrev/avmelding/${'A'.repeat(32)}`]) expect(events(path), path).toBe(true)
    for (const path of ['/akershus/artikler/nyhetsbrev-fra-oss', '/akershus/nyhetsbrevet', '/nyhetsbrev']) expect(events(path), path).toBe(false)
  })

  it('publishes sends, bounces and complaints from a configuration set to an SNS topic encrypted with a rotated key of its own', () => {
    const [, set] = resource(web(), 'AWS::SES::ConfigurationSet', 'FunctionsNewsletterConfigurationSet')
    expect(set.Properties.SuppressionOptions.SuppressedReasons).toEqual(['BOUNCE', 'COMPLAINT'])
    const [, destination] = resource(web(), 'AWS::SES::ConfigurationSetEventDestination', 'FunctionsNewsletterConfigurationSet')
    expect(destination.Properties.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint', 'send'])
    const [topicId, topic] = resource(web(), 'AWS::SNS::Topic', 'FunctionsNewsletterTopic')
    expect(destination.Properties.EventDestination.SnsDestination.TopicARN).toEqual({ Ref: topicId })
    const [keyId, key] = resource(web(), 'AWS::KMS::Key', 'FunctionsNewsletterKey')
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] })
    expect(key.Properties.EnableKeyRotation).toBe(true)
    const sesOnKey = key.Properties.KeyPolicy.Statement.find((s: any) => s.Principal?.Service === 'ses.amazonaws.com')
    expect(sesOnKey.Condition.StringEquals['aws:SourceAccount']).toBeDefined()
    const [, subscription] = resource(web(), 'AWS::SNS::Subscription', 'FunctionsNewsletterBounces')
    expect(subscription.Properties.Protocol).toBe('lambda')
    expect(subscription.Properties.TopicArn).toEqual({ Ref: topicId })
  })

  it('gives the bounce function puts, updates and deletes on newsletter partitions, and nothing else of the table or SES', () => {
    const statements = statementsOf('FunctionsNewsletterBouncesRole').filter((s: any) => actions(s).some((a) => a.startsWith('dynamodb:') || a.startsWith('ses:')))
    expect(statements).toHaveLength(1)
    expect(actions(statements[0]).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'])
    expect(statements[0].Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual(['NEWSLETTER*'])
  })

  it('lets the events function write newsletter partitions besides sign-ups, and no other', () => {
    const writes = statementsOf('FunctionsEventsRole').filter((s: any) => actions(s).includes('dynamodb:PutItem'))
    expect(writes.map((s: any) => s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'])).toEqual([['SIGNUP#*', 'SIGNUPTOKEN#*'], ['NEWSLETTER*']])
  })

  it('sends from the identity through the configuration set only, in the events function, the scheduler and the editor API', () => {
    for (const name of ['Events', 'Scheduler', 'EditorApi']) {
      const [, fn] = resource(web(), 'AWS::Lambda::Function', `Functions${name}Function`)
      expect(fn.Properties.Environment.Variables.MAIL_CONFIGURATION_SET, name).toBeDefined()
      const ses = statementsOf(`Functions${name}Role`).filter((s: any) => actions(s).some((a) => a.startsWith('ses:')))
      expect(ses.map((s: any) => s.Action), name).toEqual(['ses:SendEmail'])
      const resources = JSON.stringify(ses[0].Resource)
      expect(resources).toContain(':identity/kompetansebroen.example.no')
      expect(resources).toContain(':configuration-set/')
      expect(resources).not.toContain('*')
    }
    const cognito = statementsOf('FunctionsEditorApiRole').find((s: any) => actions(s).some((a) => a.startsWith('cognito-idp:')))
    expect(actions(cognito)).toContain('cognito-idp:AdminGetUser')
  })

  it('makes none of it without an SES identity', () => {
    expect(resourcesOf(withoutMail.templates.web, 'AWS::SES::ConfigurationSet')).toEqual([])
    expect(resourcesOf(withoutMail.templates.web, 'AWS::SNS::Topic').filter(([id]) => id.startsWith('FunctionsNewsletter'))).toEqual([])
    const [, fn] = resource(withoutMail.templates.web, 'AWS::Lambda::Function', 'FunctionsEditorApiFunction')
    expect(fn.Properties.Environment.Variables.MAIL_CONFIGURATION_SET).toBeUndefined()
  })

  it('passes cdk-nag AwsSolutions with nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks(withMail.app).validateScope(withMail.stacks.web)
    expect(report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([])
  })
})
