import { Duration, Validations, type Stack } from 'aws-cdk-lib'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CacheCookieBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  FunctionUrlOriginAccessControl,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  Function as EdgeFunction,
  type BehaviorOptions,
  type IOrigin,
} from 'aws-cdk-lib/aws-cloudfront'
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { REGION_COOKIE } from '../../web/site/region.ts'
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
  mediaPathPrefix,
  searchPathPatterns,
  serviceWorker,
} from '../definitions.ts'
import { lambdaOriginRequestCode, mediaRequestCode } from './edge-functions.ts'
import { FormBodyHash } from './form-body-hash.ts'
import { securityHeadersBehavior } from './response-headers.ts'
import type { DeployOptions } from './index.ts'

export interface CdnProps {
  prefix: string
  options: DeployOptions
  buckets: { media: IBucket; assets: IBucket; logs: IBucket }
  urls: { site: IFunctionUrl; publicApi: IFunctionUrl; exams: IFunctionUrl; search: IFunctionUrl; events: IFunctionUrl; editorApi: IFunctionUrl }
  /** Cognito's hosted sign-in, where the editor workspace exchanges its code for tokens. */
  signInUrl: string
  /** The SCORM origin (scorm-cdn.ts): the one origin besides films the site's pages may frame. */
  scormOrigin: string
  /** The us-east-1 stack the Lambda@Edge function goes to. */
  edgeStack: Stack
}

/**
 * The single CloudFront distribution: `/assets/*` and `/media/*` straight from private S3 buckets,
 * `/api/editor/*`, `/api/v1/exams/*` and `/api/v1/attempts/*`, `/api/*` and everything else from IAM-protected Lambda
 * Function URLs (editor API, exams, public API, site), all through origin access control.
 */
export class Cdn extends Construct {
  readonly distribution: Distribution

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id)
    const { prefix, options } = props

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${prefix}-security-headers`,
      comment: 'HSTS, CSP, nosniff, frame-ancestors/X-Frame-Options, referrer policy (infra/definitions.ts)',
      securityHeadersBehavior: securityHeadersBehavior(
        contentSecurityPolicyFor({ connect: [`https://${props.buckets.media.bucketRegionalDomainName}`, props.signInUrl], scorm: props.scormOrigin }),
        'deny',
      ),
    })
    // The embeddable pages' (issue 18): the only policy under which another origin may frame a page.
    const embedHeaders = new ResponseHeadersPolicy(this, 'EmbedHeaders', {
      responseHeadersPolicyName: `${prefix}-embed-headers`,
      comment: 'Embeddable pages: HSTS, a script-free CSP with frame-ancestors *, nosniff, referrer policy (infra/definitions.ts)',
      securityHeadersBehavior: securityHeadersBehavior(embedContentSecurityPolicy(), 'allowed'),
    })

    // Hashed assets and unique media keys never change in place, so they are cached as long as allowed.
    const immutable = (name: string, seconds: number) =>
      new CachePolicy(this, `${name}Cache`, {
        cachePolicyName: `${prefix}-${name.toLowerCase()}`,
        comment: `Immutable ${name.toLowerCase()}: unique keys, cached up to ${seconds} s`,
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(seconds),
        maxTtl: Duration.seconds(seconds),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      })
    // The function decides (s-maxage + stale-while-revalidate); nothing is cached unless it says so. Keyed on the query string.
    const honouringOrigin = (name: string, comment: string, cookieBehavior?: CacheCookieBehavior) =>
      new CachePolicy(this, `${name}Cache`, {
        cachePolicyName: `${prefix}-${name.toLowerCase()}`,
        comment,
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        maxTtl: Duration.days(1),
        queryStringBehavior: CacheQueryStringBehavior.all(),
        cookieBehavior,
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      })
    // Pages also vary on the reader's region cookie (`/` redirects by it), no other cookie.
    const pages = honouringOrigin('Pages', 'Reader pages: honour origin Cache-Control, vary on query string and region cookie', CacheCookieBehavior.allowList(REGION_COOKIE))
    // The public API's reads (issue 15, functions/shared/edge-cache.ts): no API answer depends on a cookie.
    const api = honouringOrigin('Api', 'Public API: honour origin Cache-Control, vary on query string')

    const s3Access = new S3OriginAccessControl(this, 'S3Access', {
      originAccessControlName: `${prefix}-s3`,
      description: 'CloudFront reads the media and assets buckets',
    })
    const lambdaAccess = new FunctionUrlOriginAccessControl(this, 'LambdaAccess', {
      originAccessControlName: `${prefix}-lambda`,
      description: 'CloudFront signs requests to the site, public API, exams and editor API Function URLs',
    })
    const s3Origin = (bucket: IBucket) => S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl: s3Access })
    const lambdaOrigin = (url: IFunctionUrl) =>
      FunctionUrlOrigin.withOriginAccessControl(url, { originAccessControl: lambdaAccess, readTimeout: Duration.seconds(30) })

    const edgeFunction = (name: string, code: string, comment: string) => [
      {
        eventType: FunctionEventType.VIEWER_REQUEST,
        function: new EdgeFunction(this, `${name}Function`, {
          functionName: `${prefix}-${name.toLowerCase()}`,
          comment,
          code: FunctionCode.fromInline(code),
          runtime: FunctionRuntime.JS_2_0,
        }),
      },
    ]
    const lambdaRequest = edgeFunction(
      'ForwardHost',
      lambdaOriginRequestCode(),
      'Passes the viewer Host (and Authorization) to Function URL origins in x-forwarded-* headers',
    )
    const mediaRequest = edgeFunction('MediaPath', mediaRequestCode(), 'Maps /media/tenants/… to the S3 key tenants/…')
    // Readers' plain HTML form posts carry no body hash; this sets it so origin access control can sign them.
    const formBodyHash = new FormBodyHash(this, 'FormBodyHash', { prefix, edgeStack: props.edgeStack })

    const common = {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: headers,
      compress: true,
    } satisfies Partial<BehaviorOptions>
    const lambdaBehavior = (origin: IOrigin, rest: Partial<BehaviorOptions>): BehaviorOptions => ({
      ...common,
      origin,
      // Every viewer header but Host (the Function URL needs its own Host for the SigV4 signature).
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      functionAssociations: lambdaRequest,
      ...rest,
    })
    const s3Behavior = (origin: IOrigin, cachePolicy: CachePolicy, rest: Partial<BehaviorOptions> = {}): BehaviorOptions => ({
      ...common,
      origin,
      cachePolicy,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      ...rest,
    })

    const certificate = options.certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', options.certificateArn)
      : undefined

    const eventsOrigin = lambdaOrigin(props.urls.events)
    // One origin object, so both exams behaviours share one origin (and one invoke permission).
    const examsOrigin = lambdaOrigin(props.urls.exams)
    // Search's API and pages: cached like pages (keyed on the query string), GET and HEAD only, one origin for all three.
    const searchOrigin = lambdaOrigin(props.urls.search)
    // The site's pages and its embeds (issue 18): one origin for both behaviours.
    const siteOrigin = lambdaOrigin(props.urls.site)
    const [searchApiPattern, ...searchPagePatterns] = searchPathPatterns
    const searchBehavior = () => lambdaBehavior(searchOrigin, { cachePolicy: pages, allowedMethods: AllowedMethods.ALLOW_GET_HEAD })
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${prefix}: reader site, api, media and assets`,
      defaultBehavior: lambdaBehavior(siteOrigin, {
        cachePolicy: pages,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      }),
      additionalBehaviors: {
        // CloudFront takes the first pattern that matches, in this order: the editor's before the rest of /api/.
        [`${editorApiPathPrefix}*`]: lambdaBehavior(lambdaOrigin(props.urls.editorApi), {
          cachePolicy: CachePolicy.CACHING_DISABLED,
          allowedMethods: AllowedMethods.ALLOW_ALL,
        }),
        // Readers' exam form posts (start, answers, kursbevis), before /api/*: their writes and PDF code (pdf-lib,
        // qrcode) live in a function of their own so no other reader waits for them (issue 16). Plain form posts,
        // hashed at the edge; one origin for both behaviours.
        ...Object.fromEntries(
          examsPathPatterns.map((pattern) => [
            pattern,
            lambdaBehavior(examsOrigin, {
              cachePolicy: CachePolicy.CACHING_DISABLED,
              allowedMethods: AllowedMethods.ALLOW_ALL,
              edgeLambdas: [formBodyHash.association],
            }),
          ]),
        ),
        // The search API before the rest of /api/ (its pages come after media and assets, whose paths they could match).
        [searchApiPattern]: searchBehavior(),
        // Everything else under /api/ (v1, health, and readers' future form posts such as sign-ups) is
        // anonymous; unknown API paths answer JSON from here rather than a reader page from the site. CloudFront
        // allows POST only together with every other method: the public API answers 405 to what it does not route.
        [`${apiPathPrefix}*`]: lambdaBehavior(lambdaOrigin(props.urls.publicApi), {
          cachePolicy: api,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          edgeLambdas: [formBodyHash.association],
        }),
        [`${mediaPathPrefix}*`]: s3Behavior(s3Origin(props.buckets.media), immutable('Media', cacheSeconds.media), {
          functionAssociations: mediaRequest,
        }),
        [`${assetsPathPrefix}*`]: s3Behavior(s3Origin(props.buckets.assets), immutable('Assets', cacheSeconds.assets)),
        // The service worker (issue 14) at the root, so its scope is the whole site: the assets bucket's unhashed sw.js,
        // stored no-cache, so the edge (pages' policy: the origin decides) and browsers revalidate it.
        [serviceWorker.path]: s3Behavior(
          S3BucketOrigin.withOriginAccessControl(props.buckets.assets, { originAccessControl: s3Access, originPath: assetsPathPrefix.slice(0, -1) }),
          pages,
        ),
        // Embeddable pages (issue 18), the site's, before the search pages' and the events' `/*/…` patterns, which could
        // match them. Their own headers policy lets other origins frame them; cached like the API (no cookie in the key:
        // a frame's page is the same for every host).
        [`${embedPathPrefix}*`]: lambdaBehavior(siteOrigin, { cachePolicy: api, allowedMethods: AllowedMethods.ALLOW_GET_HEAD, responseHeadersPolicy: embedHeaders }),
        ...Object.fromEntries(searchPagePatterns.map((pattern) => [pattern, searchBehavior()])),
        // Event sign-ups (issue 13): the form, its post and the cancel link, never cached (one origin for both); plain
        // form posts get their body hash at the edge, as on the API's behaviours.
        ...Object.fromEntries(
          eventsPathPatterns.map((pattern) => [
            pattern,
            lambdaBehavior(eventsOrigin, { cachePolicy: CachePolicy.CACHING_DISABLED, allowedMethods: AllowedMethods.ALLOW_ALL, edgeLambdas: [formBodyHash.association] }),
          ]),
        ),
        // Calendars (issue 13), the same function's: cached like pages (keyed on ?tema=), GET and HEAD only.
        ...Object.fromEntries(
          eventCalendarPathPatterns.map((pattern) => [pattern, lambdaBehavior(eventsOrigin, { cachePolicy: pages, allowedMethods: AllowedMethods.ALLOW_GET_HEAD })]),
        ),
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Readers are in Norway: Europe and North America edges are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      ...(certificate
        ? {
            domainNames: [options.domainName!],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      webAclId: options.webAclArn,
      enableLogging: true,
      logBucket: props.buckets.logs,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
    })
    // Without ListBucket S3 answers a missing key 403, which podcast apps report as an error; with it, 404. Only this
    // distribution, as for its reads (issue 15).
    props.buckets.media.addToResourcePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
        resources: [props.buckets.media.bucketArn],
        conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
      }),
    )
    this.acknowledgeFindings(options)
  }

  private acknowledgeFindings(options: DeployOptions) {
    const distribution = Validations.of(this.distribution)
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Public health-education content for Norwegian health personnel and students, who also read it while ' +
        'abroad (exchange, conferences); there is no legal or licensing reason to block countries.',
    })
    if (!options.webAclArn) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'Every origin is private behind origin access control and the api validates input and JWTs. A ' +
          'CLOUDFRONT-scope web ACL must live in us-east-1 while these stacks are single-region; the operator ' +
          'attaches one with -c webAclArn=… when traffic or threat level warrants its cost.',
      })
    }
    if (!options.certificateArn) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without -c domainName/certificateArn the distribution serves on its *.cloudfront.net name, whose ' +
          'default certificate does not let us set a minimum protocol. With a custom domain the stack sets ' +
          'TLSv1.2_2021 (and this acknowledgement is not made).',
      })
    }
  }
}
