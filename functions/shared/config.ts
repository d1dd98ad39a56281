import { contentTable, countersTable, tableName } from '../../infra/definitions.ts'
import type { AuthConfig } from '../auth/verifier.ts'

/** Everything a function needs to know about its surroundings, read once at the edge (Lambda entry or local runner). */
export interface RuntimeConfig {
  region: string
  tables: { content: string; counters: string }
  mediaBucket: string
  /** Set locally, where DynamoDB Local and s3rver stand in for the services. */
  endpoints?: { dynamodb?: string; s3?: string; ses?: string }
  /**
   * Public origin of the site (`https://…`) when it is fixed (a custom domain, or the local runner); without
   * it the site derives the origin from CloudFront's forwarded host.
   */
  siteOrigin?: string
  /** Origin of the SCORM packages and their player (infra/definitions.ts scormOrigin); no SCORM course plays without it. */
  scormOrigin?: string
  /** Editor sign-in; absent where no identity provider is configured (editor routes then answer 503). */
  auth?: AuthConfig
  /** Cognito user pool of the editors, for admins' account management (AWS only). */
  userPoolId?: string
  /**
   * The sender of event sign-ups' e-mails (SES v2), an address of the SES identity the deploy names
   * (`-c sesIdentity=…`); without it no e-mail is sent (functions/events/mail.ts).
   */
  mailFrom?: string
  /** The SES configuration set whose event destination reports bounces and complaints (issue 14); none: not reported. */
  mailConfigurationSet?: string
  /**
   * Partners' calendar feeds (issue 13). `allowLoopback` only in the local runner and tests, whose fixture feeds are
   * served over http on loopback; in AWS feeds are read over https from public addresses only.
   */
  partnerFeeds?: { allowLoopback?: boolean }
}

/** Cognito's hosted sign-in endpoints under its domain. */
export function cognitoEndpoints(hostedUiUrl: string) {
  const base = hostedUiUrl.replace(/\/$/, '')
  return { authorizeUrl: `${base}/oauth2/authorize`, tokenUrl: `${base}/oauth2/token`, logoutUrl: `${base}/logout` }
}

/** Reads the configuration from the environment CDK gives each Lambda (names in infra/stacks). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const required = (name: string) => {
    const value = env[name]
    if (!value) throw new Error(`Missing environment variable ${name}`)
    return value
  }
  const prefix = env.TABLE_PREFIX
  return {
    region: env.AWS_REGION ?? 'eu-north-1',
    tables: {
      content: env.CONTENT_TABLE ?? (prefix ? tableName(prefix, contentTable) : required('CONTENT_TABLE')),
      counters: env.COUNTERS_TABLE ?? (prefix ? tableName(prefix, countersTable) : required('COUNTERS_TABLE')),
    },
    mediaBucket: required('MEDIA_BUCKET'),
    endpoints:
      env.DYNAMODB_ENDPOINT || env.S3_ENDPOINT || env.SES_ENDPOINT
        ? { dynamodb: env.DYNAMODB_ENDPOINT, s3: env.S3_ENDPOINT, ses: env.SES_ENDPOINT }
        : undefined,
    siteOrigin: env.SITE_ORIGIN || undefined,
    scormOrigin: env.SCORM_ORIGIN || undefined,
    userPoolId: env.USER_POOL_ID || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    mailConfigurationSet: env.MAIL_CONFIGURATION_SET || undefined,
    auth:
      env.AUTH_ISSUER && env.AUTH_JWKS_URL && env.AUTH_CLIENT_ID && env.AUTH_HOSTED_UI_URL
        ? {
            issuer: env.AUTH_ISSUER,
            jwksUrl: env.AUTH_JWKS_URL,
            clientId: env.AUTH_CLIENT_ID,
            ...cognitoEndpoints(env.AUTH_HOSTED_UI_URL),
          }
        : undefined,
  }
}
