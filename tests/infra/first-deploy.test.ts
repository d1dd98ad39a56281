import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateDeployOptions } from '../../infra/stacks/index.ts'
import { resource, resourcesOf, synthesize, type Synthesized } from './synth.ts'

/** Issue 15, "An operator's first deploy": what trips people, checked at synth or in the template. */
describe('deploy options an operator gets wrong, refused at synth', () => {
  const stage = { stage: 'prod' }
  it.each([
    [{ stage: 'test-' }, /not ending with a hyphen/],
    [{ stage: 'aws-test' }, /Cognito domain prefix.*"aws"/],
    [{ ...stage, cognitoDomainPrefix: 'kb-' }, /cognitoDomainPrefix.*hyphen/],
    [{ ...stage, cognitoDomainPrefix: 'my-cognito-login' }, /cognitoDomainPrefix.*"cognito"/],
    [{ ...stage, webAclArn: 'arn:aws:wafv2:eu-north-1:123456789012:regional/webacl/kb/0f1e2d3c-aaaa-bbbb-cccc-123456789012' }, /CLOUDFRONT.*us-east-1/],
    [{ ...stage, webAclArn: 'kompetansebroen-acl' }, /webAclArn/],
    [{ ...stage, siteOrigin: 'd111111abcdef8.cloudfront.net' }, /siteOrigin must be https/],
    [{ ...stage, siteOrigin: 'https://d111111abcdef8.cloudfront.net/redaktor/' }, /without a path/],
    [{ ...stage, alarmEmail: 'vakt' }, /alarmEmail/],
    [{ ...stage, cognitoEmail: 'kompetansebroen.no' }, /cognitoEmail/],
  ])('refuses %j', (options, message) => {
    expect(() => validateDeployOptions(options)).toThrow(message)
  })

  it('accepts a stage in Cognito’s rules, an own prefix, a CloudFront-scope web ACL and the distribution’s origin', () => {
    expect(() =>
      validateDeployOptions({
        stage: 'test-2',
        cognitoDomainPrefix: 'kompetansebroen-innlandet-test',
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kompetansebroen/0f1e2d3c-aaaa-bbbb-cccc-123456789012',
        siteOrigin: 'https://d111111abcdef8.cloudfront.net',
        alarmEmail: 'vakt@kompetansebroen.no',
      }),
    ).not.toThrow()
  })
})

describe('a second deploy with the distribution’s origin, an own Cognito prefix and SES', { timeout: 120_000 }, () => {
  const siteOrigin = 'https://d111111abcdef8.cloudfront.net'
  let synth: Synthesized
  let otherRegion: Synthesized
  beforeAll(async () => {
    ;[synth, otherRegion] = await Promise.all([
      synthesize({ deploy: { siteOrigin, cognitoDomainPrefix: 'kb-prod-login', cognitoEmail: 'no-reply@kompetansebroen.example.no' } }),
      synthesize({ deploy: { region: 'eu-west-1' } }),
    ])
  })
  afterAll(() => [synth, otherRegion].forEach((s) => s?.cleanup()))

  it('returns editors to the workspace on the distribution’s origin and lets browsers upload from it', () => {
    const [, client] = resource(synth.templates.auth, 'AWS::Cognito::UserPoolClient', 'EditorsEditorWorkspace')
    expect(client.Properties.CallbackURLs).toEqual([`${siteOrigin}/redaktor/`])
    const [, media] = resource(synth.templates.web, 'AWS::S3::Bucket', 'BucketsMedia')
    expect(media.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual([siteOrigin])
    // The functions know it too (links in mails, the editor's sign-in redirect).
    const site = resourcesOf(synth.templates.web, 'AWS::Lambda::Function').find(([id]) => id.startsWith('FunctionsSite'))![1]
    expect(site.Properties.Environment.Variables.SITE_ORIGIN).toBe(siteOrigin)
  })

  it('takes the Cognito domain prefix from context and sends Cognito’s mail through SES', () => {
    synth.templates.auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'kb-prod-login' })
    const [, pool] = resource(synth.templates.auth, 'AWS::Cognito::UserPool', 'Editors')
    expect(pool.Properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: expect.stringContaining('no-reply@kompetansebroen.example.no'),
    })
    expect(JSON.stringify(pool.Properties.EmailConfiguration.SourceArn)).toContain(':identity/kompetansebroen.example.no')
  })

  it('lets the site’s distribution list the media bucket, so a missing file is 404 (podcast apps treat 403 as broken)', () => {
    const [, policy] = resource(synth.templates.web, 'AWS::S3::BucketPolicy', 'BucketsMediaPolicy')
    const list = policy.Properties.PolicyDocument.Statement.filter((statement: any) => statement.Action === 's3:ListBucket')
    expect(list).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^BucketsMedia/), 'Arn'] },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }) } },
      }),
    ])
    // The site's distribution, whose /media/* behaviour reads the bucket; not the SCORM one.
    const [distribution] = resource(synth.templates.web, 'AWS::CloudFront::Distribution', 'CdnDistribution')
    expect(JSON.stringify(list[0].Condition)).toContain(`{"Ref":"${distribution}"}`)
  })

  it('names account-wide CloudFront resources and the us-east-1 stacks apart per region, so one stage can run in two', () => {
    const names = (s: Synthesized) => [
      ...resourcesOf(s.templates.web, 'AWS::CloudFront::CachePolicy').map(([, p]) => p.Properties.CachePolicyConfig.Name),
      ...resourcesOf(s.templates.web, 'AWS::CloudFront::Function').map(([, f]) => f.Properties.Name),
      ...resourcesOf(s.templates.web, 'AWS::CloudFront::OriginAccessControl').map(([, o]) => o.Properties.OriginAccessControlConfig.Name),
      ...resourcesOf(s.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy').map(([, p]) => p.Properties.ResponseHeadersPolicyConfig.Name),
      s.stacks.edge.stackName,
      s.stacks.edgeAlarms.stackName,
      ...resourcesOf(Template.fromStack(s.stacks.ops), 'AWS::CloudWatch::Dashboard').map(([, d]) => d.Properties.DashboardName),
    ]
    const here = names(synth)
    const there = names(otherRegion)
    expect(here.length).toBeGreaterThanOrEqual(10)
    expect(here.filter((name) => there.includes(name))).toEqual([])
    // The default region keeps the names deployments already have.
    expect(synth.stacks.edge.stackName).toBe('kompetansebroen-prod-edge')
    expect(there).toContain('kompetansebroen-prod-eu-west-1-edge')
  })
})
