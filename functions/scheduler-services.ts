import { contentTable } from '../infra/definitions.ts'
import { createContentStore, type ContentStore } from './content/store.ts'
import { coursePublishHook } from './courses/publish.ts'
import { searchWriteHook } from './search/writes.ts'
import { NATIONAL_TENANT } from './reader-services.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { createDynamoClients, type DynamoClients } from './shared/dynamo-clients.ts'

/**
 * Carries out scheduled publishing and unpublishing that is due. Each one's transaction writes the CDN's outbox
 * record like the editor's does (functions/content/invalidation-outbox.ts), so the scheduler never calls CloudFront.
 */
export const scheduleRunner = (content: Pick<ContentStore, 'runDue'>) => () => content.runDue()

/**
 * What the scheduler function needs and no more: the content store (publish and withdraw as the scheduler's
 * records say) over DynamoDB. No S3, Cognito, CloudFront or token verification.
 */
export function createSchedulerServices(config: RuntimeConfig, clients: DynamoClients = createDynamoClients(config)) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  // A scheduled publish writes a built course's lessons, and the item's search document, like the editor's does.
  const search = searchWriteHook(db, { nationalTenant: NATIONAL_TENANT })
  const content = createContentStore(db, { nationalTenant: NATIONAL_TENANT, onPublish: [coursePublishHook(db), search], onFollow: [search] })
  return { runSchedules: scheduleRunner(content) }
}
