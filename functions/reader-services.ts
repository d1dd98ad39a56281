import { contentTable } from '../infra/definitions.ts'
import { analyticsCountsFor, type AnalyticsCounts } from './analytics/counts.ts'
import { createReading } from './content/reading.ts'
import { courseStatsFor, type CourseStatsStore } from './courses/course-stats.ts'
import { createTranscriptReader } from './podcasts/transcript.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { createDynamoClients, type DynamoClients } from './shared/dynamo-clients.ts'
import { createCatalogStore, type CatalogStore } from './tenants/catalog.ts'

/** The editions being prepared (issue 17), from the catalog every page reads anyway: no extra request. */
export const hiddenEditions = (catalog: CatalogStore) => async () => (await catalog.get()).hiddenTenantIds

/** The national edition's tenant id: the central secretariat. */
export const NATIONAL_TENANT = 'nasjonal'

/**
 * What the public API needs: DynamoDB reads of published content and the catalog. The site and the public API
 * build only reader services, so their bundles carry no S3, CloudFront, SSM, Cognito or token code (smaller
 * upload, faster cold start).
 */
export function createPublicReadingServices<Clients extends DynamoClients>(config: RuntimeConfig, clients: Clients) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  const catalog = createCatalogStore(db)
  return {
    config,
    clients,
    db,
    catalog,
    /** Published content only: readers cannot write, and cannot read a draft, nor what a hidden edition owns. */
    content: createReading(db, { hiddenOwners: hiddenEditions(catalog) }),
  }
}
export type PublicReadingServices = ReturnType<typeof createPublicReadingServices>

/**
 * What the exams function needs (functions/exams-api.ts): the public API's reading (the catalog, the published course
 * and its exam to start an attempt), the table for attempts and certificates, courses' anonymous counts, and page views
 * (issue 15: the beacon is a reader write too, and counts in the same counters table).
 */
export type ExamsServices = PublicReadingServices & { courseStats: CourseStatsStore; analytics: AnalyticsCounts }

/** What reader pages need: the public API's reading plus episode transcripts. */
export function createReaderServices<Clients extends DynamoClients>(config: RuntimeConfig, clients: Clients) {
  const reading = createPublicReadingServices(config, clients)
  return {
    ...reading,
    /** Episode transcripts as text for the reader pages. */
    transcripts: createTranscriptReader(reading.db),
  }
}
export type ReaderServices = ReturnType<typeof createReaderServices>

/** The site function's services: DynamoDB clients only. */
export const createSiteServices = (config: RuntimeConfig) => createReaderServices(config, createDynamoClients(config))

/** The public API function's services: DynamoDB clients only. */
export const createPublicApiServices = (config: RuntimeConfig) => createPublicReadingServices(config, createDynamoClients(config))

/** The exams function's services: DynamoDB clients only. */
export function createExamsApiServices(config: RuntimeConfig): ExamsServices {
  const clients = createDynamoClients(config)
  return { ...createPublicReadingServices(config, clients), courseStats: courseStatsFor(config, clients), analytics: analyticsCountsFor(config, clients) }
}
