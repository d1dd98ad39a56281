import { contentTable } from '../infra/definitions.ts'
import { createReading } from './content/reading.ts'
import { createTranscriptReader } from './podcasts/transcript.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { createDynamoClients, type DynamoClients } from './shared/dynamo-clients.ts'
import { createCatalogStore } from './tenants/catalog.ts'

/** The national edition's tenant id: the central secretariat. */
export const NATIONAL_TENANT = 'nasjonal'

/**
 * What reader pages and the public API need: DynamoDB reads, the catalog and transcripts. The site and public API
 * Lambdas build only this, so their bundles carry no S3, CloudFront, SSM, Cognito or token code (smaller
 * upload, faster cold start).
 */
export function createReaderServices<Clients extends DynamoClients>(config: RuntimeConfig, clients: Clients) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  return {
    config,
    clients,
    db,
    catalog: createCatalogStore(db),
    /** Published content only: the site cannot write, and cannot read a draft. */
    content: createReading(db),
    /** Episode transcripts as text for the reader pages. */
    transcripts: createTranscriptReader(db),
  }
}
export type ReaderServices = ReturnType<typeof createReaderServices>

/** The site's and the public API's services: DynamoDB clients only. */
export const createSiteServices = (config: RuntimeConfig) => createReaderServices(config, createDynamoClients(config))
