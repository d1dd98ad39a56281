import { createContentStore } from './content/store.ts'
import { createAwsClients, type AwsClients } from './shared/aws.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { contentTable } from '../infra/definitions.ts'
import { createCatalogStore } from './tenants/catalog.ts'

/** The national edition's tenant id: the central secretariat. */
export const NATIONAL_TENANT = 'nasjonal'

/** Everything the Hono apps need, built once per process from the configuration. */
export function createServices(config: RuntimeConfig, clients: AwsClients = createAwsClients(config)) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  return {
    config,
    clients,
    db,
    catalog: createCatalogStore(db),
    content: createContentStore(db, { nationalTenant: NATIONAL_TENANT }),
  }
}
export type Services = ReturnType<typeof createServices>
