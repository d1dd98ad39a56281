import type { JWTVerifyGetKey } from 'jose'
import { createTokenVerifier, type TokenVerifier } from './auth/verifier.ts'
import { createInvalidator } from './content/invalidation.ts'
import { createContentStore } from './content/store.ts'
import { createAwsClients, type AwsClients } from './shared/aws.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { contentTable } from '../infra/definitions.ts'
import { createCatalogStore } from './tenants/catalog.ts'

/** The national edition's tenant id: the central secretariat. */
export const NATIONAL_TENANT = 'nasjonal'

/** Everything the Hono apps need, built once per process from the configuration. */
export function createServices(
  config: RuntimeConfig,
  clients: AwsClients = createAwsClients(config),
  options: { authKeySet?: JWTVerifyGetKey } = {},
) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  let verifier: TokenVerifier | undefined
  return {
    /** Verifies editors' tokens; built on first use so reader-only processes never fetch a JWKS. */
    tokenVerifier: () => (config.auth ? (verifier ??= createTokenVerifier(config.auth, options.authKeySet)) : undefined),
    config,
    clients,
    db,
    catalog: createCatalogStore(db),
    content: createContentStore(db, { nationalTenant: NATIONAL_TENANT }),
    /** Refreshes CloudFront after a change readers can see (no-op locally). */
    invalidate: createInvalidator({ distributionIdParameter: config.distributionIdParameter, region: config.region, nationalTenant: NATIONAL_TENANT }),
  }
}
export type Services = ReturnType<typeof createServices>
