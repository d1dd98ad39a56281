import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiPathPrefix,
  assetsPathPrefix,
  cacheSeconds,
  contentSecurityPolicyFor,
  editorApiPathPrefix,
  embedContentSecurityPolicy,
  embedPathPrefix,
  eventCalendarPathPatterns,
  eventsPathPatterns,
  examsPathPatterns,
  mediaBucket,
  mediaPathPrefix,
  securityHeaders,
  serviceWorker,
  viewerAddressHeader,
} from '../../infra/definitions.ts'
import { forwardedAuthorizationHeader, forwardedHostHeader } from '../../infra/stacks/edge-functions.ts'
import { defaultRegion } from '../../infra/stacks/index.ts'
import { REGION_COOKIE } from '../../web/site/region.ts'
import { custom, resource, resourcesOf, synthesizeBoth, type Synthesized } from './synth.ts'

type Headers = Record<string, { value: string }>
interface EdgeRequest {
  uri: string
  method: string
  headers: Headers
  querystring: Record<string, unknown>
}
type Handler = (event: { request: EdgeRequest; viewer?: { ip: string } }) => EdgeRequest | { statusCode: number }

/**
 * Runs the CloudFront Functions exactly as synthesized into the template. The CloudFront runtime is a
 * subset of JavaScript, so a function that works here still needs to be published once to be sure; what
 * this pins is the behaviour: the rewrite, the rejections and the forwarded headers.
 */
function load(code: string): Handler {
  return new Function(`${code}\nreturn handler`)() as Handler
}

const request = (uri: string, headers: Headers = {}, viewerIp = '198.51.100.23'): { request: EdgeRequest; viewer: { ip: string } } => ({
  request: { uri, method: 'GET', headers, querystring: {} },
  viewer: { ip: viewerIp },
})

describe('CloudFront distribution', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let withDomain: Synthesized
  let cleanup = () => {}
  beforeAll(async () => {
    ;({ plain, withDomain, cleanup } = await synthesizeBoth())
  })
  afterAll(() => cleanup())

  const config = (s: Synthesized) =>
    resource(s.templates.web, 'AWS::CloudFront::Distribution', 'CdnDistribution')[1].Properties.DistributionConfig
  const behaviors = (s: Synthesized) => [config(s).DefaultCacheBehavior, ...config(s).CacheBehaviors]
  const behavior = (s: Synthesized, path: string) => config(s).CacheBehaviors.find((b: any) => b.PathPattern === path)

  it('redirects HTTP to HTTPS on every behaviour and serves HTTP/2 and HTTP/3', () => {
    for (const b of behaviors(plain)) expect(b.ViewerProtocolPolicy).toBe('redirect-to-https')
    expect(config(plain).HttpVersion).toBe('http2and3')
    expect(config(plain).PriceClass).toBe('PriceClass_100')
  })

  it('routes the editor API, the exams, search, the rest of the API, media, assets and the search pages by the defined patterns', () => {
    // CloudFront takes the first pattern that matches: /api/editor/*, the exams' and search's before /api/*; the search
    // pages' `/*/sok` after media and assets, whose paths it could match.
    expect(config(plain).CacheBehaviors.map((b: any) => b.PathPattern)).toEqual([
      `${editorApiPathPrefix}*`,
      '/api/v1/exams/*',
      '/api/v1/attempts/*',
      // The page-view beacon (issue 15), the exams function's too.
      '/api/v1/views',
      '/api/v1/search*',
      ...[apiPathPrefix, mediaPathPrefix, assetsPathPrefix].map((p) => `${p}*`),
      // The service worker (issue 14), one exact path.
      serviceWorker.path,
      // Embeddable pages (issue 18), before the search pages' and events' `/*/…`, which could match them.
      `${embedPathPrefix}*`,
      '/sok',
      '/*/sok',
      // Event sign-ups (issue 13), after media and assets as well.
      ...eventsPathPatterns,
      // Then the calendars, also the events function's.
      ...eventCalendarPathPatterns,
    ])
    expect(examsPathPatterns).toEqual(['/api/v1/exams/*', '/api/v1/attempts/*', '/api/v1/views'])
  })

  it('sends each Lambda behaviour to its own function: site by default, editor API, exams, public API', () => {
    const resources = plain.templates.web.toJSON().Resources
    // Origin id → the function its Function URL belongs to.
    const functionOf = (originId: string) => {
      const origin = config(plain).Origins.find((o: any) => o.Id === originId)
      const urlId = origin.DomainName['Fn::Select'][1]['Fn::Split'][1]['Fn::GetAtt'][0]
      return resources[urlId].Properties.TargetFunctionArn['Fn::GetAtt'][0] as string
    }
    expect(functionOf(config(plain).DefaultCacheBehavior.TargetOriginId)).toMatch(/^FunctionsSiteFunction/)
    expect(functionOf(behavior(plain, `${editorApiPathPrefix}*`).TargetOriginId)).toMatch(/^FunctionsEditorApiFunction/)
    expect(functionOf(behavior(plain, `${apiPathPrefix}*`).TargetOriginId)).toMatch(/^FunctionsPublicApiFunction/)
    for (const pattern of examsPathPatterns) expect(functionOf(behavior(plain, pattern).TargetOriginId), pattern).toMatch(/^FunctionsExamsFunction/)
    // One origin serves both exams behaviours.
    expect(new Set(examsPathPatterns.map((pattern) => behavior(plain, pattern).TargetOriginId)).size).toBe(1)
    // The scheduler and the media worker have no URL: nothing on the internet can call them.
    expect(resourcesOf(plain.templates.web, 'AWS::Lambda::Url').map(([, url]) => url.Properties.TargetFunctionArn['Fn::GetAtt'][0]).sort()).toEqual([
      expect.stringMatching(/^FunctionsEditorApiFunction/),
      expect.stringMatching(/^FunctionsEventsFunction/),
      expect.stringMatching(/^FunctionsExamsFunction/),
      expect.stringMatching(/^FunctionsPublicApiFunction/),
      expect.stringMatching(/^FunctionsSearchFunction/),
      expect.stringMatching(/^FunctionsSiteFunction/),
    ])
  })

  it('reaches every origin through origin access control (S3 and Lambda kinds, always signing)', () => {
    // The SCORM distribution has an S3 one of its own (tests/infra/scorm-cdn.test.ts).
    const controls = resourcesOf(plain.templates.web, 'AWS::CloudFront::OriginAccessControl').filter(([id]) => id.startsWith('Cdn')).map(([id, r]) => [id, r.Properties.OriginAccessControlConfig])
    expect(controls.map(([, c]) => c.OriginAccessControlOriginType).sort()).toEqual(['lambda', 's3'])
    for (const [, c] of controls) expect(c).toMatchObject({ SigningBehavior: 'always', SigningProtocol: 'sigv4' })
    const origins = config(plain).Origins
    expect(origins).toHaveLength(9)
    for (const origin of origins) {
      expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Cdn(S3|Lambda)Access/), 'Id'] })
      if (origin.S3OriginConfig) expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('')
      else expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] })
    }
    // Function URLs accept only SigV4-signed calls; CloudFront may invoke them only for this distribution.
    for (const [, url] of resourcesOf(plain.templates.web, 'AWS::Lambda::Url')) expect(url.Properties.AuthType).toBe('AWS_IAM')
    // CloudFront's permissions; EventBridge's (the scheduler) and S3's (the media worker) are not origins.
    const permissions = resourcesOf(plain.templates.web, 'AWS::Lambda::Permission')
      .map(([, p]) => p.Properties)
      .filter((p) => p.Principal !== 'events.amazonaws.com' && p.Principal !== 's3.amazonaws.com')
    expect(permissions.map((p) => p.Action).sort()).toEqual([
      ...Array(6).fill('lambda:InvokeFunction'),
      ...Array(6).fill('lambda:InvokeFunctionUrl'),
    ])
    for (const p of permissions) {
      expect(p.Principal).toBe('cloudfront.amazonaws.com')
      expect(JSON.stringify(p.SourceArn)).toContain('CdnDistribution')
    }
  })

  it('allows uploads to the media bucket’s endpoint and sign-in at Cognito in the CSP, nothing else beyond the definition', () => {
    const [, policy] = resource(plain.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy', 'CdnSecurityHeaders')
    const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy
    // Fn::Join of the definition's text around the bucket's regional domain name.
    const [separator, parts] = csp['Fn::Join'] as [string, unknown[]]
    const tokens = parts.filter((part) => typeof part !== 'string')
    const text = parts.map((part) => (typeof part !== 'string' ? (part === tokens[0] ? '{bucket}' : '{token}') : part)).join(separator)
    // The bucket's regional endpoint, Cognito's hosted sign-in domain (a token prefix, in the stacks' region), and the
    // SCORM distribution's name in frame-src (tests/infra/scorm-cdn.test.ts).
    expect(text).toBe(contentSecurityPolicyFor({ connect: ['https://{bucket}', `https://{token}.auth.${defaultRegion}.amazoncognito.com`], scorm: 'https://{token}' }))
    expect(JSON.stringify(tokens[0])).toMatch(/BucketsMedia[A-Za-z0-9]*","RegionalDomainName"/)
  })

  it('adds the security headers exactly as defined, overriding the origin', () => {
    const [id, policy] = resource(plain.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy', 'CdnSecurityHeaders')
    const hsts = securityHeaders.strictTransportSecurity
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toEqual({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: hsts.maxAgeSeconds,
        IncludeSubdomains: hsts.includeSubdomains,
        Preload: hsts.preload,
        Override: true,
      },
      ContentSecurityPolicy: { ContentSecurityPolicy: expect.anything(), Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: securityHeaders.frameOptions, Override: true },
      ReferrerPolicy: { ReferrerPolicy: securityHeaders.referrerPolicy, Override: true },
    })
    for (const b of behaviors(plain)) if (b.PathPattern !== `${embedPathPrefix}*`) expect(b.ResponseHeadersPolicyId, b.PathPattern).toEqual({ Ref: id })
  })

  it('lets other origins frame the embeddable pages and nothing else (issue 18)', () => {
    const policies = resourcesOf(plain.templates.web, 'AWS::CloudFront::ResponseHeadersPolicy').filter(([id]) => id.startsWith('Cdn'))
    const framing = (config: any) => {
      const csp = config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy
      return (typeof csp === 'string' ? csp : JSON.stringify(csp)).match(/frame-ancestors [^;"]*/)![0]
    }
    const open = policies.filter(([, policy]) => framing(policy.Properties.ResponseHeadersPolicyConfig) !== "frame-ancestors 'none'")
    expect(open.map(([id]) => id)).toEqual([expect.stringMatching(/^CdnEmbedHeaders/)])
    const [embedId, embed] = open[0]!
    const headers = embed.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: embedContentSecurityPolicy(), Override: true })
    expect(headers.FrameOptions).toBeUndefined()
    expect(headers.StrictTransportSecurity).toMatchObject({ Override: true })
    // Exactly one behaviour uses it: the embeds', served by the site's function, GET and HEAD only.
    expect(behaviors(plain).filter((b: any) => JSON.stringify(b.ResponseHeadersPolicyId) === JSON.stringify({ Ref: embedId })).map((b: any) => b.PathPattern)).toEqual([`${embedPathPrefix}*`])
    const embeds = behavior(plain, `${embedPathPrefix}*`)
    expect(embeds.TargetOriginId).toBe(config(plain).DefaultCacheBehavior.TargetOriginId)
    expect(embeds.AllowedMethods).toEqual(['GET', 'HEAD'])
    // Cached as the site says, keyed on the query string and no cookie: a frame's page is the same for every host.
    const cache = plain.templates.web.toJSON().Resources[embeds.CachePolicyId.Ref].Properties.CachePolicyConfig
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({ QueryStringsConfig: { QueryStringBehavior: 'all' }, CookiesConfig: { CookieBehavior: 'none' } })
  })

  it('caches each kind of path as it should', () => {
    const web = plain.templates.web
    const policy = (ref: any) => web.toJSON().Resources[ref.Ref].Properties.CachePolicyConfig
    const pages = policy(config(plain).DefaultCacheBehavior.CachePolicyId)
    expect(pages).toMatchObject({ MinTTL: 0, DefaultTTL: 0 })
    expect(pages.MaxTTL).toBeGreaterThanOrEqual(86_400)
    expect(pages.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      // Only the region preference cookie: the site redirects / by it (web/site/region.ts).
      CookiesConfig: { CookieBehavior: 'whitelist', Cookies: [REGION_COOKIE] },
      EnableAcceptEncodingGzip: true,
      EnableAcceptEncodingBrotli: true,
    })
    expect(policy(behavior(plain, `${mediaPathPrefix}*`).CachePolicyId)).toMatchObject({ DefaultTTL: cacheSeconds.media })
    expect(policy(behavior(plain, `${assetsPathPrefix}*`).CachePolicyId)).toMatchObject({ DefaultTTL: cacheSeconds.assets })
    // The editor's and the exams' APIs must see every request; they set no-store themselves.
    const apis = [`${editorApiPathPrefix}*`, ...examsPathPatterns]
    for (const pattern of apis) expect(behavior(plain, pattern).CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId)
    // The public API's reads are cached as the function says (issue 15: a minute, functions/shared/edge-cache.ts), keyed
    // on the query string and no cookie; what it marks no-store (health) or leaves unmarked (errors, posts) is not.
    expect(policy(behavior(plain, `${apiPathPrefix}*`).CachePolicyId)).toMatchObject({
      DefaultTTL: 0,
      MinTTL: 0,
      ParametersInCacheKeyAndForwardedToOrigin: expect.objectContaining({
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
      }),
    })
  })

  it('serves the service worker at /sw.js from the assets bucket, deployed no-cache so the edge and browsers revalidate it', () => {
    const sw = behavior(plain, serviceWorker.path)
    const origin = config(plain).Origins.find((o: any) => o.Id === sw.TargetOriginId)
    // The unhashed sw.js web/build.ts writes beside the hashed assets, from the bucket's assets/ folder.
    expect(origin.OriginPath).toBe(assetsPathPrefix.slice(0, -1))
    expect(JSON.stringify(origin.DomainName)).toMatch(/BucketsAssets/)
    expect(sw).toMatchObject({ AllowedMethods: ['GET', 'HEAD'], CachePolicyId: config(plain).DefaultCacheBehavior.CachePolicyId })
    const deployments = resourcesOf(plain.templates.web, 'Custom::CDKBucketDeployment').map(([, r]) => r.Properties)
    expect(deployments.map((d) => [d.Include, d.Exclude, d.SystemMetadata?.['cache-control']])).toEqual(
      expect.arrayContaining([
        [undefined, [serviceWorker.file], expect.stringContaining('immutable')],
        [[serviceWorker.file], ['*'], 'no-cache'],
      ]),
    )
  })

  it('forwards all viewer headers but Host to the functions, with the host-forwarding edge function', () => {
    const [forwardHost] = resource(plain.templates.web, 'AWS::CloudFront::Function', 'CdnForwardHost')
    const [mediaPath] = resource(plain.templates.web, 'AWS::CloudFront::Function', 'CdnMediaPath')
    const viewerRequest = (fn: string) => [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn, 'FunctionARN'] } }]
    const lambdas = [config(plain).DefaultCacheBehavior, ...[`${apiPathPrefix}*`, ...examsPathPatterns, ...eventsPathPatterns, `${editorApiPathPrefix}*`].map((p) => behavior(plain, p))]
    for (const b of lambdas) {
      expect(b.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId)
      expect(b.FunctionAssociations).toEqual(viewerRequest(forwardHost))
    }
    expect(behavior(plain, `${mediaPathPrefix}*`).FunctionAssociations).toEqual(viewerRequest(mediaPath))
    expect(behavior(plain, `${editorApiPathPrefix}*`).AllowedMethods).toContain('POST')
    // Readers' forms post to the exams function (and may to the public API), and CloudFront allows POST only with
    // every other method (the apps answer 405 for what they do not route); the site takes GET and HEAD alone.
    const all = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
    for (const pattern of [`${apiPathPrefix}*`, ...examsPathPatterns]) expect([...behavior(plain, pattern).AllowedMethods].sort()).toEqual(all)
    expect(config(plain).DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD'])
  })

  it('hashes readers’ form bodies at the edge on the public API’s, the exams’ and the event sign-ups’ behaviours, and nowhere else', () => {
    // One Lambda@Edge version on five behaviours, its ARN from us-east-1 through CDK's cross-region reader.
    const [reader] = resource(plain.templates.web, 'Custom::CrossRegionStringParameterReader', 'CdnFormBodyHashFunctionArnReader')
    const hashed: string[] = [`${apiPathPrefix}*`, ...examsPathPatterns, ...eventsPathPatterns]
    for (const pattern of hashed) {
      expect(behavior(plain, pattern).LambdaFunctionAssociations, pattern).toEqual([
        { EventType: 'origin-request', IncludeBody: true, LambdaFunctionARN: { 'Fn::GetAtt': [reader, 'FunctionArn'] } },
      ])
      // Origin access control stays on the origin: the edge function adds a header, CloudFront still signs.
      const origin = config(plain).Origins.find((o: any) => o.Id === behavior(plain, pattern).TargetOriginId)
      expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^CdnLambdaAccess/), 'Id'] })
    }
    for (const b of behaviors(plain).filter((b) => !hashed.includes(b.PathPattern))) expect(b.LambdaFunctionAssociations, b.PathPattern ?? 'default').toBeUndefined()
  })

  it('keeps the edge function in us-east-1 with Lambda@Edge’s newest Node.js, x86_64, and a role that only logs', () => {
    const { edge } = plain.stacks
    expect(edge.region).toBe('us-east-1')
    expect(edge.stackName).toBe('kompetansebroen-prod-edge')
    // The web stack deploys after it, so the version exists before the behaviour names it.
    expect(plain.stacks.web.dependencies).toContain(edge)
    const [, fn] = resource(plain.templates.edge, 'AWS::Lambda::Function', 'Function')
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['x86_64'], MemorySize: 128, Timeout: 5, Handler: 'index.handler' })
    expect(fn.Properties.Environment).toBeUndefined()
    expect(resourcesOf(plain.templates.edge, 'AWS::Lambda::Version')).toHaveLength(1)
    const [roleId, role] = resource(plain.templates.edge, 'AWS::IAM::Role', 'FormBodyHashRole')
    expect(role.Properties.AssumeRolePolicyDocument.Statement.flatMap((s: any) => [s.Principal.Service].flat()).sort()).toEqual([
      'edgelambda.amazonaws.com',
      'lambda.amazonaws.com',
    ])
    expect(role.Properties.ManagedPolicyArns).toBeUndefined()
    const statements = resourcesOf(plain.templates.edge, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    expect(statements.map((s: any) => [s.Action].flat().sort())).toEqual([['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']])
    expect(JSON.stringify(statements[0].Resource)).toContain(':log-group:/aws/lambda/us-east-1.kompetansebroen-prod-form-body-hash')
  })

  it('writes standard access logs to the log bucket', () => {
    expect(config(plain).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^BucketsLogs/), 'RegionalDomainName'] },
      IncludeCookies: false,
      Prefix: 'cloudfront/',
    })
  })

  it('uses the custom domain with TLS 1.2 (2021) and SNI when a certificate is given', () => {
    expect(config(withDomain).Aliases).toEqual([custom.domainName])
    expect(config(withDomain).ViewerCertificate).toEqual({
      AcmCertificateArn: custom.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    })
    expect(config(plain).Aliases).toBeUndefined()
  })

  describe('edge functions, run from the template', () => {
    const code = (prefix: string) =>
      resource(plain.templates.web, 'AWS::CloudFront::Function', prefix)[1].Properties.FunctionCode as string
    const mediaPath = () => load(code('CdnMediaPath'))
    const forwardHost = () => load(code('CdnForwardHost'))

    describe('media path', () => {
      it('strips /media so the URL maps onto the tenant-first S3 key', () => {
        const key = `${mediaBucket.keyPrefix}innlandet/media/01JD00000000000000000000AA/film.mp4`
        expect(mediaPath()(request(`/media/${key}`))).toMatchObject({ uri: `/${key}` })
      })

      it.each([
        '/media/',
        '/media/secret.txt',
        '/media/other/innlandet/media/1/a.mp4',
        '/media/tenants/../internal/x',
        '/media/tenants//x',
        // Only exactly an upload's public path (issue 10, hole 2); staged uploads stay private (hole 5).
        '/media/uploads/innlandet/01JD00000000000000000000AA/film.mp4',
        '/media/tenants/innlandet/media/01JD00000000000000000000AA/../../../akershus/media/01JD00000000000000000000BB/x.png',
        '/media/tenants/innlandet/media/01JD00000000000000000000AA/%2e%2e/x.png',
        '/media/tenants/innlandet/media/01JD00000000000000000000AA/..%2Fx.png',
        '/media/tenants/innlandet/media/01JD00000000000000000000AA/..\\x.png',
        '/media/tenants/innlandet/media/01JD00000000000000000000AA//film.mp4',
        '/media/tenants/innlandet/media/01JABCDEF/film.mp4',
        '/mediatenants/x',
      ])('answers 404 for %s', (uri) => {
        expect(mediaPath()(request(uri))).toMatchObject({ statusCode: 404 })
      })
    })

    describe('forward host', () => {
      it('copies the viewer Host, since the Function URL origin receives its own', () => {
        const result = forwardHost()(request('/innlandet', { host: { value: 'kompetansebroen.no' } })) as EdgeRequest
        expect(result.headers[forwardedHostHeader]).toEqual({ value: 'kompetansebroen.no' })
        expect(result.uri).toBe('/innlandet')
      })

      it('overwrites a spoofed x-forwarded-host', () => {
        const result = forwardHost()(
          request('/', { host: { value: 'kompetansebroen.no' }, [forwardedHostHeader]: { value: 'evil.example' } }),
        ) as EdgeRequest
        expect(result.headers[forwardedHostHeader]).toEqual({ value: 'kompetansebroen.no' })
      })

      it('keeps the editor bearer token, which origin access control would replace with its signature', () => {
        const token = 'Bearer eyJhbGciOi.x.y'
        const result = forwardHost()(
          request('/api/editor/items', { host: { value: 'kompetansebroen.no' }, authorization: { value: token } }),
        ) as EdgeRequest
        expect(result.headers[forwardedAuthorizationHeader]).toEqual({ value: token })
      })

      it('passes the address CloudFront saw the viewer connect from, over any the viewer sent (issue 15: rate limits count by it)', () => {
        const sent = request('/akershus/nyhetsbrev', { host: { value: 'k.no' }, [viewerAddressHeader]: { value: '10.9.8.7' }, 'x-forwarded-for': { value: '10.9.8.7' } }, '203.0.113.7')
        const result = forwardHost()(sent) as EdgeRequest
        expect(result.headers[viewerAddressHeader]).toEqual({ value: '203.0.113.7' })
        expect((forwardHost()(request('/', {}, '2001:db8::1')) as EdgeRequest).headers[viewerAddressHeader]).toEqual({ value: '2001:db8::1' })
      })

      it('never passes a viewer-supplied x-forwarded-authorization through on its own', () => {
        const result = forwardHost()(
          request('/api/editor/items', { host: { value: 'k.no' }, [forwardedAuthorizationHeader]: { value: 'Bearer forged' } }),
        ) as EdgeRequest
        expect(result.headers[forwardedAuthorizationHeader]).toBeUndefined()
      })
    })
  })
})
