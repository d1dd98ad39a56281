/**
 * Deploy options for running the system (issue 15): where alarms go, tracing, and what a first deploy without a custom
 * domain needs. Read from CDK context by infra/stacks/index.ts and checked here, so a typo fails synth, not a deploy.
 */
export interface OperatorOptions {
  /**
   * `https://dXXXX.cloudfront.net`: the distribution's own origin, for a deployment without `domainName`. Deploy once,
   * then again with the `SiteUrl` output here, so the Cognito callback and the media bucket's CORS rule name it (a
   * fixed string: referring to the distribution itself would be a cycle).
   */
  siteOrigin?: string
  /** E-mail address subscribed to the alarm topics (in the stacks' region and in us-east-1). */
  alarmEmail?: string
  /** `true`: X-Ray active tracing on every function (infra/stacks/tracing.ts). */
  tracing?: boolean
  /** The Cognito hosted UI's domain prefix, unique per region across all AWS accounts; default `kompetansebroen-{stage}`. */
  cognitoDomainPrefix?: string
  /**
   * The address Cognito's invitations and codes come from through Amazon SES (its default sender allows 50 mails a day).
   * Its domain must be a verified SES identity in the stacks' region.
   */
  cognitoEmail?: string
}

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/
const emailAddress = /^[^@\s]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i

/**
 * Cognito's rules for a domain prefix (Cognito developer guide, "Using the Amazon Cognito prefix domain"): lowercase
 * letters, digits and hyphens, neither first nor last, at most 63 characters, and none of the reserved words.
 */
export function cognitoDomainPrefixProblem(prefix: string): string | undefined {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) {
    return `must be 1–63 lowercase letters, digits or hyphens, not starting or ending with a hyphen (got "${prefix}")`
  }
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => prefix.includes(word))
  return reserved ? `may not contain "${reserved}", which Cognito reserves (got "${prefix}")` : undefined
}

/** A CLOUDFRONT-scope AWS WAF web ACL: always in us-east-1, under `global/webacl/`. */
export const cloudFrontWebAclArn = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]{1,128}\/[0-9a-f-]{36}$/

export function validateOperatorOptions(options: OperatorOptions & { domainName?: string; webAclArn?: string }): void {
  if (options.siteOrigin !== undefined) {
    const match = /^https:\/\/([^/]+)$/.exec(options.siteOrigin)
    if (!match || !hostName.test(match[1]!)) {
      throw new Error(`siteOrigin must be https://{host} without a path, e.g. https://d111111abcdef8.cloudfront.net (got "${options.siteOrigin}")`)
    }
    if (options.domainName) throw new Error('siteOrigin is for a deployment without domainName; with a domain the site origin is https://{domainName}')
  }
  if (options.alarmEmail !== undefined && !emailAddress.test(options.alarmEmail)) {
    throw new Error(`alarmEmail must be an e-mail address (got "${options.alarmEmail}")`)
  }
  if (options.cognitoEmail !== undefined && !emailAddress.test(options.cognitoEmail)) {
    throw new Error(`cognitoEmail must be an e-mail address whose domain is verified in SES (got "${options.cognitoEmail}")`)
  }
  if (options.cognitoDomainPrefix !== undefined) {
    const problem = cognitoDomainPrefixProblem(options.cognitoDomainPrefix)
    if (problem) throw new Error(`cognitoDomainPrefix ${problem}`)
  }
  if (options.webAclArn !== undefined && !cloudFrontWebAclArn.test(options.webAclArn)) {
    throw new Error(
      'webAclArn must be an AWS WAF web ACL of scope CLOUDFRONT, which lives in us-east-1: ' +
        `arn:aws:wafv2:us-east-1:{account}:global/webacl/{name}/{id} (got "${options.webAclArn}")`,
    )
  }
}

/** The options above from CDK context (`-c tracing=true`, …); `read` gives undefined for a missing or empty value. */
export function operatorOptionsFromContext(read: (key: string) => string | undefined): OperatorOptions {
  const tracing = read('tracing')
  if (tracing !== undefined && !['true', 'false'].includes(tracing)) throw new Error(`tracing must be true or false (got "${tracing}")`)
  return {
    siteOrigin: read('siteOrigin'),
    alarmEmail: read('alarmEmail'),
    tracing: tracing === 'true',
    cognitoDomainPrefix: read('cognitoDomainPrefix'),
    cognitoEmail: read('cognitoEmail'),
  }
}
