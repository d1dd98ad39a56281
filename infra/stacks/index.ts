import { Stack, type App } from 'aws-cdk-lib'
import type { AssetManifest } from '../../web/assets.ts'
import { AuthStack } from './auth.ts'
import { DataStack } from './data.ts'
import { EdgeAlarmsStack } from './edge-alarms.ts'
import { OperationsStack } from './operations.ts'
import { RateLimitsStack } from './rate-limits.ts'
import { cognitoDomainPrefixProblem, operatorOptionsFromContext, validateOperatorOptions, type OperatorOptions } from './operator-options.ts'
import { enableTracing } from './tracing.ts'
import { WebStack } from './web.ts'

/** What an operator may choose at deploy time (`-c stage=… -c domainName=… -c certificateArn=…`). */
export interface DeployOptions extends OperatorOptions {
  /** Lowercase name of the environment; every resource name starts with `kompetansebroen-{stage}`. */
  stage: string
  /**
   * The AWS region of the auth, data and web stacks (default `eu-north-1`, Stockholm: near the readers, in the
   * EEA). Explicit because the Lambda@Edge function lives in a us-east-1 stack of its own, and CDK can only
   * reference across regions from stacks whose region it knows at synth time.
   */
  region?: string
  /** Public host name of the site (no scheme), e.g. `kompetansebroen.no`. Needs `certificateArn`. */
  domainName?: string
  /** ACM certificate for `domainName`; CloudFront only takes certificates from us-east-1. */
  certificateArn?: string
  /** Optional AWS WAF web ACL (scope CLOUDFRONT, created in us-east-1) to attach to the distribution. */
  webAclArn?: string
  /**
   * `opensearch` also provisions an OpenSearch Serverless collection for the search function (search-collection.ts),
   * the road beyond the in-memory index (docs/search.md); default `memory`: none.
   */
  searchBackend?: 'memory' | 'opensearch'
  /**
   * The Amazon SES identity event sign-ups' e-mail is sent from (issue 13): a verified domain (`kompetansebroen.no`,
   * sender `pamelding@` it) or address. The events function may send from it and nothing else; without it no
   * sign-up e-mail is sent (synth warns).
   */
  sesIdentity?: string
}

/** The browser build the site function and the assets bucket are made from (see web/build.ts). */
export interface WebBuild {
  /** Folder of hashed files, deployed to the assets bucket under `assets/`. */
  assetsDir: string
  /** Logical name → public path, handed to the site function as `ASSETS`. */
  manifest: AssetManifest
}

export const prefixFor = (stage: string) => `kompetansebroen-${stage}`
/**
 * For names unique per account across regions (CloudFront policies, functions and origin access controls, dashboards)
 * and for what lives in us-east-1 for every region (the edge stack): the stage in a second region gets the region in
 * them, so one stage can run in two regions; the default region keeps the names it always had.
 */
export const globalPrefixFor = (stage: string, region: string) => (region === defaultRegion ? prefixFor(stage) : `${prefixFor(stage)}-${region}`)

export const defaultRegion = 'eu-north-1'
/** Lambda@Edge functions must be created here (CloudFront replicates them to its edge locations). */
export const edgeRegion = 'us-east-1'

/** Reads and checks the deploy options from CDK context, so a typo fails synth instead of a deploy. */
export function deployOptionsFromContext(app: App): DeployOptions {
  const read = (key: string): string | undefined => {
    const value = app.node.tryGetContext(key)
    return value === undefined || value === '' ? undefined : String(value)
  }
  const options: DeployOptions = {
    stage: read('stage') ?? 'prod',
    region: read('region'),
    domainName: read('domainName'),
    certificateArn: read('certificateArn'),
    webAclArn: read('webAclArn'),
    ...operatorOptionsFromContext(read),
    searchBackend: read('searchBackend') as DeployOptions['searchBackend'],
    sesIdentity: read('sesIdentity'),
  }
  validateDeployOptions(options)
  return options
}

export function validateDeployOptions(options: DeployOptions): void {
  // The stage ends up in bucket names and the Cognito domain prefix: lowercase letters, digits, hyphens.
  // Cognito refuses a domain prefix ending in a hyphen, so the stage may not end in one either.
  if (!/^[a-z](?:[a-z0-9-]{0,18}[a-z0-9])?$/.test(options.stage)) {
    throw new Error(`stage must be 1–20 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (got "${options.stage}")`)
  }
  const domainPrefixProblem = cognitoDomainPrefixProblem(options.cognitoDomainPrefix ?? prefixFor(options.stage))
  if (domainPrefixProblem && options.cognitoDomainPrefix === undefined) {
    throw new Error(`stage makes the Cognito domain prefix kompetansebroen-${options.stage}, which ${domainPrefixProblem}; choose another stage or -c cognitoDomainPrefix=…`)
  }
  validateOperatorOptions(options)
  if (options.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region)) {
    throw new Error(`region must be an AWS region name such as eu-north-1 (got "${options.region}")`)
  }
  if (options.searchBackend !== undefined && !['memory', 'opensearch'].includes(options.searchBackend)) {
    throw new Error(`searchBackend must be memory or opensearch (got "${options.searchBackend}")`)
  }
  if (options.sesIdentity && !/^([^@\s]+@)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(options.sesIdentity)) {
    throw new Error(`sesIdentity must be a domain (kompetansebroen.no) or an e-mail address verified in SES (got "${options.sesIdentity}")`)
  }
  if (Boolean(options.domainName) !== Boolean(options.certificateArn)) {
    throw new Error('domainName and certificateArn go together: give both or neither')
  }
  if (options.domainName && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(options.domainName)) {
    throw new Error(`domainName must be a lowercase host name without scheme (got "${options.domainName}")`)
  }
  if (options.certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(options.certificateArn)) {
    throw new Error('certificateArn must be an ACM certificate in us-east-1 (CloudFront reads certificates only there)')
  }
}

export interface Stacks {
  auth: AuthStack
  data: DataStack
  web: WebStack
  /** us-east-1: the Lambda@Edge function on the public API's behaviour and its role. */
  edge: Stack
  /** Alarms, dashboard and AWS Backup in the stacks' region (operations.ts). */
  ops: OperationsStack
  /** us-east-1: the CloudFront alarms, where CloudFront's metrics are (edge-alarms.ts). */
  edgeAlarms: EdgeAlarmsStack
  /** us-east-1: the web ACL with the rate rules (rate-limits.ts), unless the operator brought one (-c webAclArn=…). */
  rateLimits?: RateLimitsStack
}

/**
 * Builds every stack into `app`. Auth and data come first so the web stack (functions, buckets, CDN) can
 * take their outputs without a reference cycle; the web stack never exports anything back.
 */
export function createStacks(app: App, options: DeployOptions, web: WebBuild): Stacks {
  validateDeployOptions(options)
  const prefix = prefixFor(options.stage)
  // Without a domain, the distribution's own origin once the operator knows it (a second deploy, -c siteOrigin=…).
  const siteOrigin = options.domainName ? `https://${options.domainName}` : options.siteOrigin
  const description = (what: string) => `Kompetansebroen (${options.stage}): ${what}`
  // Account stays the deploying credentials' (environment-agnostic); only the region is fixed.
  const env = { region: options.region ?? defaultRegion }
  const globalPrefix = globalPrefixFor(options.stage, env.region)

  const edge = new Stack(app, `${globalPrefix}-edge`, {
    stackName: `${globalPrefix}-edge`,
    description: description('Lambda@Edge function for reader form posts (CloudFront needs it in us-east-1)'),
    env: { region: edgeRegion },
  })
  const auth = new AuthStack(app, `${prefix}-auth`, {
    env,
    stackName: `${prefix}-auth`,
    description: description('Cognito user pool for editors and admins'),
    prefix,
    siteOrigin,
    cognitoDomainPrefix: options.cognitoDomainPrefix,
    cognitoEmail: options.cognitoEmail,
  })
  const data = new DataStack(app, `${prefix}-data`, {
    env,
    stackName: `${prefix}-data`,
    description: description('DynamoDB content and counters tables'),
    prefix,
  })
  // The rate rules' web ACL when the operator brings none: CLOUDFRONT scope exists only in us-east-1.
  const rateLimits = options.webAclArn
    ? undefined
    : new RateLimitsStack(app, `${globalPrefix}-waf`, {
        stackName: `${globalPrefix}-waf`,
        description: description('AWS WAF web ACL with per-address rate limits for both distributions (CLOUDFRONT scope lives in us-east-1)'),
        prefix: globalPrefix,
      })
  const webStack = new WebStack(app, `${prefix}-web`, {
    env,
    // The web ACL's ARN comes from us-east-1 (rate-limits.ts).
    crossRegionReferences: true,
    stackName: `${prefix}-web`,
    description: description('media and assets buckets, site, public API, editor API, scheduler and media worker functions, CloudFront'),
    // CloudFront's names are unique per account, across regions.
    prefix: globalPrefix,
    options: rateLimits ? { ...options, webAclArn: rateLimits.webAclArn } : options,
    siteOrigin,
    web,
    tables: data.tables,
    auth: auth.forApi,
    edgeStack: edge,
  })
  if (options.tracing) enableTracing([webStack])

  const distributions = [
    { label: 'Site', distributionId: webStack.cdn.distribution.distributionId },
    { label: 'Scorm', distributionId: webStack.scormCdn.distribution.distributionId },
  ]
  const ops = new OperationsStack(app, `${prefix}-ops`, {
    env,
    stackName: `${prefix}-ops`,
    description: description('alarms, dashboard and their SNS topic; AWS Backup of the tables and the media bucket'),
    prefix: globalPrefix,
    alarmEmail: options.alarmEmail,
    watched: [webStack, data, auth],
    tables: [data.tables.content, data.tables.counters],
    mediaBucket: webStack.buckets.media,
    distributions,
  })
  const edgeAlarms = new EdgeAlarmsStack(app, `${globalPrefix}-edge-alarms`, {
    stackName: `${globalPrefix}-edge-alarms`,
    description: description('CloudFront 5xx alarms and their SNS topic (CloudFront metrics exist only in us-east-1)'),
    prefix: globalPrefix,
    alarmEmail: options.alarmEmail,
    distributions,
  })
  return { auth, data, web: webStack, edge, ops, edgeAlarms, ...(rateLimits ? { rateLimits } : {}) }
}
