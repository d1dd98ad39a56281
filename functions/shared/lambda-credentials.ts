import { fromEnv } from '@aws-sdk/credential-provider-env'

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild alias in
 * infra/stacks/functions.ts). Lambda always hands a function its role's credentials in AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, which is where the default chain finds them too; the chain's
 * other sources (SSO, profiles, STS web identity, instance metadata) are ~110 KB and ~12 ms of cold start
 * that can never apply there. Tests and `npm start` use the full chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init)
