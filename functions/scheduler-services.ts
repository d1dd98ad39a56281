import { contentTable } from '../infra/definitions.ts'
import { createContentStore, type ContentStore } from './content/store.ts'
import { coursePublishHook } from './courses/publish.ts'
import { sesMailer, type Mailer } from './events/mail.ts'
import { scheduledNotifier } from './events/notify.ts'
import { partnerFeedContext, scheduledPartnerFeeds } from './events/partner-feed-schedule.ts'
import { createReminders } from './events/reminders.ts'
import { createSignupSync, signupPublishHook } from './events/sync.ts'
import { scheduledNewsletters } from './newsletter/scheduled.ts'
import { searchWriteHook } from './search/writes.ts'
import { NATIONAL_TENANT } from './reader-services.ts'
import type { RuntimeConfig } from './shared/config.ts'
import { Db } from './shared/db.ts'
import { createDynamoClients, type DynamoClients } from './shared/dynamo-clients.ts'
import { createCatalogStore } from './tenants/catalog.ts'

/**
 * Carries out scheduled publishing and unpublishing that is due. Each one's transaction writes the CDN's outbox
 * record like the editor's does (functions/content/invalidation-outbox.ts), so the scheduler never calls CloudFront.
 */
export const scheduleRunner = (content: Pick<ContentStore, 'runDue'>) => () => content.runDue()

/**
 * What the scheduler function needs and no more: the content store (publish and withdraw as the scheduler's
 * records say) over DynamoDB, and event sign-ups' scheduled e-mail through SES (issue 13). No S3, Cognito, CloudFront
 * or token verification.
 */
export function createSchedulerServices(
  config: RuntimeConfig,
  clients: DynamoClients = createDynamoClients(config),
  options: { mailer?: Mailer; now?: () => Date } = {},
) {
  const db = new Db(clients.dynamo, config.tables.content, contentTable)
  // A scheduled publish writes a built course's lessons, and the item's search document, like the editor's does.
  const search = searchWriteHook(db, { nationalTenant: NATIONAL_TENANT })
  const onPublish = [coursePublishHook(db), search, signupPublishHook(db, { now: options.now })]
  const content = createContentStore(db, { nationalTenant: NATIONAL_TENANT, onPublish, onFollow: [search] })
  const mailer = options.mailer ?? sesMailer(config)
  const notify = scheduledNotifier(mailer, { siteOrigin: config.siteOrigin })
  const catalog = createCatalogStore(db)
  // Hidden editions too (issue 17): their partner calendars import drafts while the region is prepared.
  const tenants = async () => (await catalog.get()).allTenants.map((tenant) => tenant.id)
  return {
    runSchedules: scheduleRunner(content),
    /** Sign-ups following their event's publishes: raised capacity seats the waiting list, a later end keeps them longer. */
    runSignupSync: createSignupSync(db, { getPublished: content.getPublished, notify, now: options.now }).run,
    /** The reminder the day before, once per confirmed participant. */
    runReminders: createReminders(db, { tenants, upcomingEvents: content.upcomingEvents, getPublished: content.getPublished, notify, now: options.now }).run,
    /** Newsletter issues that are due, sent in pages with a send log (issue 14). */
    runNewsletters: scheduledNewsletters(db, mailer, config, { now: options.now }),
    /** Partners' calendars that are due (hourly each), imported as drafts for editors to approve (issue 13). */
    runPartnerFeeds: scheduledPartnerFeeds({ ...partnerFeedContext(db, content, config, { now: options.now }), tenants }),
  }
}
