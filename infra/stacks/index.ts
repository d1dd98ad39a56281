import { Stack, type App } from 'aws-cdk-lib'
import type { AssetManifest } from '../../web/assets.ts'
import { AuthStack } from './auth.ts'
import { DataStack } from './data.ts'
import { WebStack } from './web.ts'

/** What an operator may choose at deploy time (`-c stage=… -c domainName=… -c certificateArn=…`). */
export interface DeployOptions {
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
    searchBackend: read('searchBackend') as DeployOptions['searchBackend'],
    sesIdentity: read('sesIdentity'),
  }
  validateDeployOptions(options)
  return options
}

export function validateDeployOptions(options: DeployOptions): void {
  // The stage ends up in bucket names and the Cognito domain prefix: lowercase letters, digits, hyphens.
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(options.stage)) {
    throw new Error(`stage must be 1–20 lowercase letters, digits or hyphens, starting with a letter (got "${options.stage}")`)
  }
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
}

/**
 * Builds every stack into `app`. Auth and data come first so the web stack (functions, buckets, CDN) can
 * take their outputs without a reference cycle; the web stack never exports anything back.
 */
export function createStacks(app: App, options: DeployOptions, web: WebBuild): Stacks {
  validateDeployOptions(options)
  const prefix = prefixFor(options.stage)
  const siteOrigin = options.domainName ? `https://${options.domainName}` : undefined
  const description = (what: string) => `Kompetansebroen (${options.stage}): ${what}`
  // Account stays the deploying credentials' (environment-agnostic); only the region is fixed.
  const env = { region: options.region ?? defaultRegion }

  const edge = new Stack(app, `${prefix}-edge`, {
    stackName: `${prefix}-edge`,
    description: description('Lambda@Edge function for reader form posts (CloudFront needs it in us-east-1)'),
    env: { region: edgeRegion },
  })
  const auth = new AuthStack(app, `${prefix}-auth`, {
    env,
    stackName: `${prefix}-auth`,
    description: description('Cognito user pool for editors and admins'),
    prefix,
    siteOrigin,
  })
  const data = new DataStack(app, `${prefix}-data`, {
    env,
    stackName: `${prefix}-data`,
    description: description('DynamoDB content and counters tables'),
    prefix,
  })
  const webStack = new WebStack(app, `${prefix}-web`, {
    env,
    stackName: `${prefix}-web`,
    description: description('media and assets buckets, site, public API, editor API, scheduler and media worker functions, CloudFront'),
    prefix,
    options,
    siteOrigin,
    web,
    tables: data.tables,
    auth: auth.forApi,
    edgeStack: edge,
  })
  return { auth, data, web: webStack, edge }
}
