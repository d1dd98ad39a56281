import { Stack, type StackProps } from 'aws-cdk-lib'
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import type { Construct } from 'constructs'
import { edgeRegion } from './index.ts'

/**
 * One per-address rate rule: requests whose method and path match, counted over a five-minute window per viewer
 * address across every CloudFront edge. Limits are generous because a hospital's or a municipality's staff reach
 * us through one address; they stop scripts, not colleagues.
 */
export interface RateRule {
  name: string
  /** Requests per address per `windowSeconds` before WAF answers 429. */
  limit: number
  windowSeconds: 60 | 120 | 300 | 600
  method?: 'POST'
  path?: { startsWith?: string; endsWith?: string }
}

/**
 * Where abuse costs money (SES mail, S3 uploads, Lambda time) or annoys people (mail to addresses that never asked):
 * issue 15. Sign-in is not here: it is Cognito's hosted UI, not behind CloudFront, and Cognito throttles and locks out
 * on its own. The functions also limit in memory (functions/shared/rate-limit.ts), which holds only per container.
 */
export const rateRules: RateRule[] = [
  { name: 'EventSignups', limit: 100, windowSeconds: 300, method: 'POST', path: { endsWith: '/pamelding' } },
  { name: 'NewsletterSignups', limit: 100, windowSeconds: 300, method: 'POST', path: { endsWith: '/nyhetsbrev' } },
  { name: 'Uploads', limit: 300, windowSeconds: 300, method: 'POST', path: { startsWith: '/api/editor/tenants/', endsWith: '/uploads' } },
  // Every other form post (exam answers, certificates, page-view beacons): each is a Lambda call and a write.
  { name: 'FormPosts', limit: 1_000, windowSeconds: 300, method: 'POST' },
  // Everything, cached pages included (WAF counts before the cache): a crawler gone wild, not a busy ward.
  { name: 'AllRequests', limit: 20_000, windowSeconds: 300 },
]

const none = [{ priority: 0, type: 'NONE' }]
const byteMatch = (fieldToMatch: CfnWebACL.FieldToMatchProperty, positionalConstraint: string, searchString: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: { fieldToMatch, positionalConstraint, searchString, textTransformations: none },
})

function scopeDown(rule: RateRule): CfnWebACL.StatementProperty | undefined {
  const parts = [
    ...(rule.method ? [byteMatch({ method: {} }, 'EXACTLY', rule.method)] : []),
    ...(rule.path?.startsWith ? [byteMatch({ uriPath: {} }, 'STARTS_WITH', rule.path.startsWith)] : []),
    ...(rule.path?.endsWith ? [byteMatch({ uriPath: {} }, 'ENDS_WITH', rule.path.endsWith)] : []),
  ]
  return parts.length > 1 ? { andStatement: { statements: parts } } : parts[0]
}

export interface RateLimitsStackProps extends StackProps {
  prefix: string
}

/**
 * us-east-1: the web ACL with the rate rules, attached to both distributions when the operator brings no web ACL of
 * their own (-c webAclArn=…; theirs should carry rules like `rateRules`). A CLOUDFRONT-scope web ACL can only be
 * created in us-east-1, so it has a stack of its own there, like the edge alarms, and the web stack reads its ARN
 * across regions. WAF's answer is a 429 with a short text in bokmål and English; WAF prefixes custom response
 * headers with `x-amzn-waf-`, so the wait is sent as `x-amzn-waf-retry-after` (WAF cannot send a bare Retry-After).
 */
export class RateLimitsStack extends Stack {
  readonly webAclArn: string

  constructor(scope: Construct, id: string, props: RateLimitsStackProps) {
    super(scope, id, { ...props, env: { region: edgeRegion }, crossRegionReferences: true })
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `${props.prefix}-${name}` })
    const acl = new CfnWebACL(this, 'WebAcl', {
      name: `${props.prefix}-rate-limits`,
      description: 'Kompetansebroen: per-address rate limits on sign-ups, uploads and form posts, issue 15',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('web-acl'),
      customResponseBodies: {
        tooManyRequests: {
          contentType: 'TEXT_PLAIN',
          content: 'For mange forespørsler på kort tid. Vent noen minutter og prøv igjen.\nToo many requests in a short time. Wait a few minutes and try again.\n',
        },
      },
      rules: rateRules.map((rule, priority) => {
        const statement = scopeDown(rule)
        return {
          name: rule.name,
          priority,
          statement: { rateBasedStatement: { limit: rule.limit, evaluationWindowSec: rule.windowSeconds, aggregateKeyType: 'IP', ...(statement ? { scopeDownStatement: statement } : {}) } },
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'tooManyRequests', responseHeaders: [{ name: 'retry-after', value: String(rule.windowSeconds) }] } } },
          visibilityConfig: metric(rule.name),
        }
      }),
    })
    this.webAclArn = acl.attrArn
  }
}
