import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventCalendarPathPatterns, eventsPathPatterns, matchesPathPattern } from '../../infra/definitions.ts'
import { resource, resourcesOf, synthesizeWithAndWithoutMail, type Synthesized } from './synth.ts'

/** Issue 13: event sign-ups are a function of their own, writing only sign-up partitions and sending from one SES identity. */
describe('events function', { timeout: 180_000 }, () => {
  let withMail: Synthesized
  let withoutMail: Synthesized
  beforeAll(async () => {
    ;[withMail, withoutMail] = await synthesizeWithAndWithoutMail()
  })
  afterAll(() => [withMail, withoutMail].forEach((s) => s?.cleanup()))

  const statementsOf = (synth: Synthesized) =>
    resourcesOf(synth.templates.web, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith('FunctionsEventsRole')))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
  const config = (synth: Synthesized) => resource(synth.templates.web, 'AWS::CloudFront::Distribution', 'CdnDistribution')[1].Properties.DistributionConfig

  it('matches sign-up pages and cancel links, and no item page', () => {
    const events = (path: string) => eventsPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
    for (const path of ['/akershus/arrangementer/fagdag/pamelding', '/akershus/arrangementer/fagdag/pamelding/kvittering', '/avmelding/abc']) expect(events(path), path).toBe(true)
    for (const path of ['/akershus/arrangementer/fagdag', '/akershus/arrangementer', '/pamelding', '/api/v1/editions']) expect(events(path), path).toBe(false)
  })

  it('matches the calendars, national, per edition and per event, and no page', () => {
    const calendars = (path: string) => eventCalendarPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
    for (const path of ['/arrangementer.ics', '/akershus/arrangementer.ics', '/akershus/arrangementer/fagdag.ics', '/nasjonal/arrangementer/fagdag.ics']) expect(calendars(path), path).toBe(true)
    for (const path of ['/arrangementer', '/akershus/arrangementer', '/akershus/arrangementer/fagdag', '/akershus/artikler.ics', '/feed.ics']) expect(calendars(path), path).toBe(false)
  })

  it('serves the calendars from the same function, GET and HEAD only, cached like pages (keyed on the query string)', () => {
    const signup = config(withMail).CacheBehaviors.find((b: any) => b.PathPattern === eventsPathPatterns[0])
    const pagesPolicy = config(withMail).DefaultCacheBehavior.CachePolicyId
    for (const pattern of eventCalendarPathPatterns) {
      const b = config(withMail).CacheBehaviors.find((behavior: any) => behavior.PathPattern === pattern)
      expect(b.TargetOriginId, pattern).toBe(signup.TargetOriginId)
      expect(b.AllowedMethods).toEqual(['GET', 'HEAD'])
      expect(b.CachePolicyId).toEqual(pagesPolicy)
      expect(b.LambdaFunctionAssociations).toBeUndefined()
    }
  })

  it('may send e-mail only from the configured SES identity, with it as MAIL_FROM', () => {
    const [, fn] = resource(withMail.templates.web, 'AWS::Lambda::Function', 'FunctionsEventsFunction')
    expect(fn.Properties.Environment.Variables.MAIL_FROM).toBe('Kompetansebroen <pamelding@kompetansebroen.example.no>')
    const ses = statementsOf(withMail).filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ses:')))
    expect(ses).toHaveLength(1)
    expect(ses[0].Action).toBe('ses:SendEmail')
    expect(JSON.stringify(ses[0].Resource)).toContain(':identity/kompetansebroen.example.no')
    expect(JSON.stringify(ses[0].Resource)).not.toContain('*')
  })

  it('lets the scheduler send reminders and promotions from the same identity, and nothing more', () => {
    const [, fn] = resource(withMail.templates.web, 'AWS::Lambda::Function', 'FunctionsSchedulerFunction')
    expect(fn.Properties.Environment.Variables.MAIL_FROM).toBe('Kompetansebroen <pamelding@kompetansebroen.example.no>')
    const schedulerStatements = (synth: Synthesized) =>
      resourcesOf(synth.templates.web, 'AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith('FunctionsSchedulerRole')))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    const ses = schedulerStatements(withMail).filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ses:')))
    expect(ses.map((s: any) => [s.Action, JSON.stringify(s.Resource)])).toEqual([['ses:SendEmail', expect.stringContaining(':identity/kompetansebroen.example.no')]])
    expect(JSON.stringify(ses[0].Resource)).not.toContain('*')
    expect(schedulerStatements(withoutMail).some((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ses:')))).toBe(false)
  })

  it('writes only sign-up partitions of the content table, and without an identity sends nothing', () => {
    const writes = statementsOf(withMail).filter((s: any) => [s.Action].flat().some((a: string) => a === 'dynamodb:PutItem'))
    // Sign-ups, and the newsletter's subscribers beside them (issue 14; tests/infra/newsletter.test.ts).
    expect(writes.map((s: any) => s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'])).toEqual([['SIGNUP#*', 'SIGNUPTOKEN#*'], ['NEWSLETTER*']])
    expect(statementsOf(withoutMail).some((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ses:')))).toBe(false)
    const [, fn] = resource(withoutMail.templates.web, 'AWS::Lambda::Function', 'FunctionsEventsFunction')
    expect(fn.Properties.Environment.Variables.MAIL_FROM).toBeUndefined()
  })

  it('has its own behaviours, every method, never cached, form posts hashed at the edge', () => {
    const behaviors = eventsPathPatterns.map((pattern) => config(withMail).CacheBehaviors.find((b: any) => b.PathPattern === pattern))
    expect(new Set(behaviors.map((b: any) => b.TargetOriginId)).size).toBe(1)
    for (const b of behaviors) {
      expect(b.AllowedMethods).toHaveLength(7)
      expect(b.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId)
      expect(b.LambdaFunctionAssociations[0].EventType).toBe('origin-request')
      expect(b.LambdaFunctionAssociations[0].IncludeBody).toBe(true)
    }
  })
})
