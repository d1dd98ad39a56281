import { contentTable } from '../infra/definitions.ts'
import { createContentStore } from './content/store.ts'
import { createTranscriptReader } from './podcasts/transcript.ts'
import { createAwsClients, type AwsClients } from './shared/aws.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { createCatalogStore } from './tenants/catalog.ts'

/** The national edition's tenant id: the central secretariat. */
export const NATIONAL_TENANT = 'nasjonal'

/**
 * What reader pages need: DynamoDB reads, the catalog and transcripts. The site Lambda builds only this, so
 * its bundle carries no CloudFront, SSM, Cognito or token code (smaller upload, faster cold start).
 */
export function createReaderServices(config: RuntimeConfig, clients: AwsClients = createAwsClients(config), options: { now?: () => Date } = {}) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  return {
    config,
    clients,
    db,
    catalog: createCatalogStore(db),
    content: createContentStore(db, { nationalTenant: NATIONAL_TENANT, now: options.now }),
    /** Episode transcripts as text for the reader pages. */
    transcripts: createTranscriptReader(clients.s3, config.mediaBucket),
  }
}
export type ReaderServices = ReturnType<typeof createReaderServices>
