import type { JWTVerifyGetKey } from 'jose'
import { createTokenVerifier, type TokenVerifier } from './auth/verifier.ts'
import { editableFields } from './content/editing.ts'
import { withEmbeddedFacts } from './content/embeds.ts'
import { withMeasuredFacts } from './media/facts.ts'
import { explainUsageFailure, mediaPathsIn, usageWrites } from './media/usage.ts'
import { createContentStore, type StoredItem } from './content/store.ts'
import { analyticsCountsFor } from './analytics/counts.ts'
import { courseStatsFor } from './courses/course-stats.ts'
import { createCourseStore } from './courses/store.ts'
import { courseBinHook } from './courses/bin.ts'
import { createBin, deletedKeys, type BinHook } from './content/bin.ts'
import { createDuplicating } from './content/duplicate.ts'
import { signupPublishHook } from './events/sync.ts'
import { searchWriteHook } from './search/writes.ts'
import { createAwsClients, type AwsClients } from './shared/aws.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { HTTPException } from 'hono/http-exception'
import { createReaderServices, hiddenEditions, NATIONAL_TENANT } from './reader-services.ts'
import { createCatalogWrites } from './tenants/catalog-writes.ts'
import type { Catalog } from './tenants/catalog.ts'
import { cognitoDirectory, type EditorDirectory } from './tenants/directory.ts'

export { NATIONAL_TENANT } from './reader-services.ts'

/**
 * The editor API's services: the reader's plus writing, uploads and editor accounts. The local
 * runner and the tests build this one object for every app, since it holds what each function builds for itself.
 */
export function createServices(
  config: RuntimeConfig,
  clients: AwsClients = createAwsClients(config),
  options: { authKeySet?: JWTVerifyGetKey; now?: () => Date; directory?: EditorDirectory } = {},
) {
  const reader = createReaderServices(config, clients)
  const { db } = reader
  let verifier: TokenVerifier | undefined
  // Built courses' lessons; their snapshots join the course's own publish transaction (onPublish below).
  const courses = createCourseStore(db, { now: options.now, getItem: (tenant, id) => services.content.getItem(tenant, id) })
  // Search's documents change with what readers see, in the same transactions (functions/search/writes.ts).
  const search = searchWriteHook(db, { nationalTenant: NATIONAL_TENANT, now: options.now })
  const getItem = (tenant: string, id: string): Promise<StoredItem | undefined> => services.content.getItem(tenant, id)
  // What goes to the bin with an item and shares its TTL: a course's lessons and exam, the item's media uses (the files
  // themselves stay in the library).
  const binHooks: BinHook[] = [
    courseBinHook(db),
    { records: async (item) => deletedKeys(usageWrites(item.tenant, item.id, mediaPathsIn(editableFields(item)), [])) },
  ]
  const bin = createBin(db, { now: () => (options.now?.() ?? new Date()).toISOString(), getItem, hooks: binHooks })
  const services = {
    ...reader,
    catalog: { ...reader.catalog, ...createCatalogWrites(db, reader.catalog) },
    /** Verifies editors' tokens; built on first use so reader-only processes never fetch a JWKS. */
    tokenVerifier: () => (config.auth ? (verifier ??= createTokenVerifier(config.auth, options.authKeySet)) : undefined),
    content: createContentStore(db, {
      nationalTenant: NATIONAL_TENANT,
      now: options.now,
      hiddenOwners: hiddenEditions(reader.catalog),
      unknownTopics: async (topics) => {
        const unknown = (catalog: Catalog) => topics.filter((slug) => !catalog.topic(slug))
        if (!unknown(await reader.catalog.get()).length) return []
        // The cached catalog may predate a topic an administrator just added (in another process): read again.
        reader.catalog.invalidate()
        return unknown(await reader.catalog.get())
      },
      // Media usage is recorded (and checked: ready, alt text) in the same transaction as every save; embedded
      // films and episodes are checked and their facts copied (content/embeds.ts).
      onSave: {
        prepare: async (fields) => withEmbeddedFacts(db, await withMeasuredFacts(db, fields), { nationalTenant: NATIONAL_TENANT, now: options.now?.(), hiddenOwners: hiddenEditions(reader.catalog) }),
        writes: (before, after) => usageWrites(after.tenant, after.id, before ? mediaPathsIn(editableFields(before)) : [], mediaPathsIn(editableFields(after))),
        explainFailure: explainUsageFailure,
      },
      // An event's sign-ups follow a publish that changes its capacity or end (functions/events/sync.ts).
      onPublish: [courses.publishHook, search, signupPublishHook(db, { now: options.now })],
      onFollow: [search],
    }),
    /** Deleting to the bin (30 days, then DynamoDB's TTL) and copying items (issue 17): the editor API's alone. */
    bin: { ...bin, ...createDuplicating(db, { getItem, create: (fields, by): Promise<StoredItem> => services.content.create(fields, by), refuseIfBinned: bin.refuseIfBinned, hooks: binHooks }) },
    courses,
    /** Courses' anonymous counts (counters table): the exams function adds to them, the course's editors read them. */
    courseStats: courseStatsFor(config, clients, { now: options.now }),
    /** Page views and IAB downloads per item, edition and day (counters table, issue 15): readers' beacons add, editors read. */
    analytics: analyticsCountsFor(config, clients, { now: options.now }),
    /** Editor accounts: Cognito in AWS, the local sign-in's users on a developer's machine. */
    directory: options.directory ?? (config.userPoolId ? cognitoDirectory({ userPoolId: config.userPoolId, region: config.region }) : undefined),
  }
  return {
    ...services,
    requireDirectory(): EditorDirectory {
      if (!services.directory) throw new HTTPException(503, { message: 'Editor accounts are not configured for this deployment.' })
      return services.directory
    },
    /** Carries out scheduled publishing and unpublishing that is due (the scheduler function's work). */
    // Not scheduler-services.ts's runner: importing it would bring the scheduler's SES client into the editor API.
    runSchedules: () => services.content.runDue(),
  }
}
export type Services = ReturnType<typeof createServices>
