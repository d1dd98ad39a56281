import { Duration } from 'aws-cdk-lib'
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront'
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { scormContentSecurityPolicy, scormOrigin, securityHeaders } from '../definitions.ts'
import { scormRequestCode } from './edge-functions.ts'
import { acknowledge } from './nag.ts'

export interface ScormCdnProps {
  prefix: string
  buckets: { media: IBucket; assets: IBucket; logs: IBucket }
  /** The site's origin with a custom domain; without one, see `frameAncestorsWithoutDomain`. */
  siteOrigin?: string
  webAclArn?: string
}

/**
 * Without a custom domain the site's origin is the main distribution's own *.cloudfront.net name, and that
 * distribution's policy names this one (frame-src): naming it back here would be a reference cycle that
 * CloudFormation cannot create. So such a deployment (a test stage) lets any *.cloudfront.net site frame the
 * packages; with `-c domainName` it is exactly the site.
 */
export const frameAncestorsWithoutDomain = 'https://*.cloudfront.net'

/**
 * The SCORM origin (infra/definitions.ts scormOrigin): a second distribution of its own, on its own
 * *.cloudfront.net name, which is on the public suffix list and so another site than the reader site. It serves
 * only the packages' unpacked files from the media bucket (a CloudFront function passes exactly
 * `/tenants/{t}/media/{id}/scorm/…` and answers 404 to the rest) and the player from the assets bucket, GET and
 * HEAD, through origin access control, with the packages' restrictive headers policy.
 */
export class ScormCdn extends Construct {
  readonly distribution: Distribution
  /** `https://{domain}`: what the site frames and allows in its frame-src. */
  readonly origin: string

  constructor(scope: Construct, id: string, props: ScormCdnProps) {
    super(scope, id)
    const { prefix } = props
    const hsts = securityHeaders.strictTransportSecurity
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: `${prefix}-scorm-headers`,
      comment: 'SCORM packages: CSP (self only, frame-ancestors the site), HSTS, nosniff, no referrer (infra/definitions.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: scormContentSecurityPolicy(props.siteOrigin ?? frameAncestorsWithoutDomain), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds), includeSubdomains: hsts.includeSubdomains, preload: hsts.preload, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    })
    const access = new S3OriginAccessControl(this, 'S3Access', {
      originAccessControlName: `${prefix}-scorm-s3`,
      description: 'The SCORM distribution reads unpacked packages (media bucket) and the player (assets bucket)',
    })
    const behavior = (bucket: IBucket, rest: Partial<BehaviorOptions> = {}): BehaviorOptions => ({
      origin: S3BucketOrigin.withOriginAccessControl(bucket, { originAccessControl: access }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      // Keys are unique per upload and per build, and carry `immutable`; the managed policy honours that.
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      compress: true,
      ...rest,
    })
    const packagePath = new EdgeFunction(this, 'PackagePathFunction', {
      functionName: `${prefix}-scorm-path`,
      comment: 'Passes only /tenants/{t}/media/{id}/scorm/… (a package file) to the media bucket; 404 otherwise',
      code: FunctionCode.fromInline(scormRequestCode()),
      runtime: FunctionRuntime.JS_2_0,
    })
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${prefix}: SCORM packages and their player, on an origin apart from the site`,
      defaultBehavior: behavior(props.buckets.media, {
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: packagePath }],
      }),
      additionalBehaviors: { [scormOrigin.playerPathPattern]: behavior(props.buckets.assets) },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.buckets.logs,
      logFilePrefix: 'cloudfront-scorm/',
      logIncludesCookies: false,
    })
    this.origin = `https://${this.distribution.distributionDomainName}`

    acknowledge(
      this.distribution,
      'Public course packages for Norwegian health personnel and students, who also take them while abroad; there is no legal or licensing reason to block countries.',
      'AwsSolutions-CFR1',
    )
    if (!props.webAclArn)
      acknowledge(
        this.distribution,
        'Serves only static files from S3 (GET and HEAD) through origin access control; nothing behind it takes input. The operator attaches a CLOUDFRONT-scope web ACL with -c webAclArn=… (shared with the site) when traffic warrants it.',
        'AwsSolutions-CFR2',
      )
    acknowledge(
      this.distribution,
      "Deliberately on its *.cloudfront.net name, which is on the public suffix list and so a site of its own, apart from the reader site's: that isolation is the point of this origin. CloudFront's default certificate for that name cannot be given a minimum protocol; it serves public course files only, no cookies and no reader data.",
      'AwsSolutions-CFR4',
    )
  }
}
