import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rateRules } from '../../infra/stacks/rate-limits.ts'
import { resourcesOf, synthesize, type Synthesized } from './synth.ts'

/*
 * Issue 15's rate limits at the edge: without -c webAclArn the app makes a CLOUDFRONT-scope web ACL in us-east-1 with
 * per-address rate rules (infra/stacks/rate-limits.ts) and attaches it to both distributions across regions; with
 * the operator's own web ACL it makes none and attaches theirs.
 */
describe('the rate-limit web ACL', { timeout: 120_000 }, () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  })
  afterAll(() => synth?.cleanup())

  it('lives in us-east-1 with CLOUDFRONT scope and one blocking 429 rate rule per sign-up, upload and form concern', () => {
    const stack = synth.stacks.rateLimits!
    expect(stack.region).toBe('us-east-1')
    const [[, acl]] = resourcesOf(Template.fromStack(stack), 'AWS::WAFv2::WebACL') as [[string, any]]
    expect(acl.Properties.Scope).toBe('CLOUDFRONT')
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} })
    const rules = acl.Properties.Rules as any[]
    expect(rules.map((rule) => rule.Name)).toEqual(rateRules.map((rule) => rule.name))
    for (const rule of rules) {
      expect(rule.Statement.RateBasedStatement.AggregateKeyType).toBe('IP')
      expect(rule.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'tooManyRequests' })
      expect(rule.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true)
    }
    const signups = rules.find((rule) => rule.Name === 'EventSignups').Statement.RateBasedStatement
    expect(signups.Limit).toBe(100)
    expect(JSON.stringify(signups.ScopeDownStatement)).toContain('"SearchString":"/pamelding"')
    expect(JSON.stringify(signups.ScopeDownStatement)).toContain('"SearchString":"POST"')
    expect(acl.Properties.CustomResponseBodies.tooManyRequests.Content).toMatch(/For mange forespørsler/)
  })

  it('is attached to the site and the SCORM distributions', () => {
    const distributions = resourcesOf(synth.templates.web, 'AWS::CloudFront::Distribution')
    expect(distributions.length).toBe(2)
    for (const [, distribution] of distributions) expect(JSON.stringify(distribution.Properties.DistributionConfig.WebACLId)).toMatch(/waf|WebAcl/i)
  })

  it('is not made when the operator brings a web ACL, whose ARN is attached instead', async () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/theirs/0f1e2d3c-aaaa-bbbb-cccc-123456789012'
    const own = await synthesize({ deploy: { webAclArn: arn } })
    try {
      expect(own.stacks.rateLimits).toBeUndefined()
      for (const [, distribution] of resourcesOf(own.templates.web, 'AWS::CloudFront::Distribution')) expect(distribution.Properties.DistributionConfig.WebACLId).toBe(arn)
    } finally {
      own.cleanup()
    }
  })
})
