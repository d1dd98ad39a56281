import { Duration } from 'aws-cdk-lib'
import { HeadersFrameOption, HeadersReferrerPolicy, type ResponseSecurityHeadersBehavior } from 'aws-cdk-lib/aws-cloudfront'
import { securityHeaders } from '../definitions.ts'

const referrerPolicies = Object.values(HeadersReferrerPolicy) as string[]

/**
 * Maps the neutral header definitions (infra/definitions.ts) onto a CloudFront response-headers policy; `override` so
 * origins can't weaken them. `framing: 'deny'` adds X-Frame-Options DENY beside the policy's frame-ancestors (every
 * page but the embeds, issue 18, whose policy lets any origin frame them).
 */
export function securityHeadersBehavior(contentSecurityPolicy: string, framing: 'deny' | 'allowed'): ResponseSecurityHeadersBehavior {
  const hsts = securityHeaders.strictTransportSecurity
  if (!referrerPolicies.includes(securityHeaders.referrerPolicy)) {
    throw new Error(`CloudFront has no referrer policy "${securityHeaders.referrerPolicy}"`)
  }
  return {
    strictTransportSecurity: {
      accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
      includeSubdomains: hsts.includeSubdomains,
      preload: hsts.preload,
      override: true,
    },
    contentSecurityPolicy: { contentSecurityPolicy, override: true },
    // nosniff matters most for /media/*: uploaded files must never be sniffed into HTML or script.
    contentTypeOptions: { override: true },
    ...(framing === 'deny' ? { frameOptions: { frameOption: HeadersFrameOption[securityHeaders.frameOptions], override: true } } : {}),
    referrerPolicy: { referrerPolicy: securityHeaders.referrerPolicy as HeadersReferrerPolicy, override: true },
  }
}
