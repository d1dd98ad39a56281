import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scormContentSecurityPolicy, scormOrigin } from '../../infra/definitions.ts'
import { scormRequestCode } from '../../infra/stacks/edge-functions.ts'
import { frameAncestorsWithoutDomain } from '../../infra/stacks/scorm-cdn.ts'
import { custom, resource, resourcesOf, synthesizeBoth, type Synthesized } from './synth.ts'

type Handler = (event: { request: { uri: string } }) => { uri: string } | { statusCode: number }
const handler = new Function(`${scormRequestCode()}\nreturn handler`)() as Handler
const passes = (uri: string) => !('statusCode' in handler({ request: { uri } }))

const packageFile = '/tenants/innlandet/media/01JD5Z6E2X7Q8R9S0T1V2W3X4Y/scorm'

/**
 * The SCORM origin in AWS: a second distribution that serves only packages and their player, from private
 * buckets through origin access control, with the packages' headers; the site frames exactly that origin.
 */
describe('SCORM distribution', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let withDomain: Synthesized
  let cleanup = () => {}
  beforeAll(async () => {
    ;({ plain, withDomain, cleanup } = await synthesizeBoth())
  })
  afterAll(() => cleanup())

  const config = (s: Synthesized) => resource(s.templates.web, 'AWS::CloudFront::Distribution', 'ScormCdnDistribution')[1].Properties.DistributionConfig
  const headers = (s: Synthesized) => resource(s.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy', 'ScormCdnHeaders')[1].Properties.ResponseHeadersPolicyConfig

  it('is a second distribution: the media bucket by default (through the path function), the player from the assets bucket, GET and HEAD only, HTTPS', () => {
    expect(resourcesOf(plain.templates.web, 'AWS::CloudFront::Distribution')).toHaveLength(2)
    const distribution = config(plain)
    const origins = Object.fromEntries(distribution.Origins.map((origin: any) => [origin.Id, JSON.stringify(origin)]))
    const originOf = (behavior: any) => origins[behavior.TargetOriginId]!
    expect(originOf(distribution.DefaultCacheBehavior)).toMatch(/BucketsMedia/)
    expect(distribution.CacheBehaviors).toHaveLength(1)
    expect(distribution.CacheBehaviors[0].PathPattern).toBe(scormOrigin.playerPathPattern)
    expect(originOf(distribution.CacheBehaviors[0])).toMatch(/BucketsAssets/)
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors]) {
      expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD'])
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https')
      expect(JSON.stringify(behavior.ResponseHeadersPolicyId)).toMatch(/ScormCdnHeaders/)
    }
    for (const origin of distribution.Origins) expect(JSON.stringify(origin.OriginAccessControlId)).toMatch(/ScormCdnS3Access/)
    expect(JSON.stringify(distribution.DefaultCacheBehavior.FunctionAssociations)).toMatch(/ScormCdnPackagePathFunction/)
  })

  it('sends the packages’ CSP, HSTS, nosniff and no referrer, and no X-Frame-Options (the site frames it)', () => {
    const security = headers(withDomain).SecurityHeadersConfig
    expect(security.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: scormContentSecurityPolicy(`https://${custom.domainName}`), Override: true })
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain(`frame-ancestors 'self' https://${custom.domainName}`)
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("connect-src 'self'")
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("form-action 'none'")
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true })
    expect(security.ContentTypeOptions).toEqual({ Override: true })
    expect(security.StrictTransportSecurity.Override).toBe(true)
    expect(security.FrameOptions).toBeUndefined()
    // Without a custom domain the site's own name cannot be referenced here (a cycle): any *.cloudfront.net.
    expect(headers(plain).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(scormContentSecurityPolicy(frameAncestorsWithoutDomain))
  })

  it('lets the site frame exactly the SCORM distribution, and tells the site function where it is', () => {
    for (const s of [plain, withDomain]) {
      const csp = JSON.stringify(resource(s.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy', 'CdnSecurityHeaders')[1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy)
      expect(csp).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com https:\/\/","?\{"Fn::GetAtt":\["ScormCdnDistribution[A-Za-z0-9]*","DomainName"\]\}/)
      const [, site] = resourcesOf(s.templates.web, 'AWS::Lambda::Function').find(([id]) => id.startsWith('FunctionsSite'))!
      expect(JSON.stringify(site.Properties.Environment.Variables.SCORM_ORIGIN)).toMatch(/ScormCdnDistribution[A-Za-z0-9]*","DomainName"/)
    }
  })

  it('reads the buckets through origin access control, conditioned on this distribution', () => {
    const statements = resourcesOf(plain.templates.web, 'AWS::S3::BucketPolicy').flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    const ours = statements.filter((statement: any) => JSON.stringify(statement.Condition ?? {}).includes('ScormCdnDistribution'))
    expect(ours.map((statement: any) => JSON.stringify(statement.Resource))).toEqual(expect.arrayContaining([expect.stringMatching(/BucketsMedia/), expect.stringMatching(/BucketsAssets/)]))
    for (const statement of ours) expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' })
  })

  it('passes only a package’s files at the edge', () => {
    expect(passes(`${packageFile}/index.html`)).toBe(true)
    expect(passes(`${packageFile}/story_content/user.js`)).toBe(true)
    expect(passes(`${packageFile}/media/my%20film.mp4`)).toBe(true)
    // The uploaded zip, another upload, a staged upload, the bucket root, and ways around the prefix.
    expect(passes('/tenants/innlandet/media/01JD5Z6E2X7Q8R9S0T1V2W3X4Y/pakke.zip')).toBe(false)
    expect(passes('/uploads/innlandet/01JD5Z6E2X7Q8R9S0T1V2W3X4Y/pakke.zip')).toBe(false)
    expect(passes('/')).toBe(false)
    expect(passes(`${packageFile}/../pakke.zip`)).toBe(false)
    expect(passes(`${packageFile}/%2e%2e/%2e%2e/pakke.zip`)).toBe(false)
    expect(passes(`${packageFile}/a%5c..%5cb`)).toBe(false)
    expect(passes(`${packageFile}/%E0%A4%A`)).toBe(false)
    expect(passes('/tenants/innlandet/media/not-a-ulid/scorm/index.html')).toBe(false)
  })
})
