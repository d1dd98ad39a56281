import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { emailHashOf } from '../../../functions/events/signups.ts'
import { sesMailer } from '../../../functions/events/mail.ts'
import { createIssues } from '../../../functions/newsletter/issues.ts'
import { newsletterPk, sentPk, subscriberSk } from '../../../functions/newsletter/keys.ts'
import { scheduledNewsletters } from '../../../functions/newsletter/scheduled.ts'
import { createSesEventHandler } from '../../../functions/newsletter/ses-events.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'
import type { Services } from '../../../functions/services.ts'
import { sentMail } from '../../../infra/local/emulators.ts'
import { startSesEventRelay, type SesEventRelay } from '../../../infra/local/ses-events.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'
import { unique } from '../../support/newsletter.ts'

/*
 * Issue 14's resumable send: a scheduler run over many subscribers is killed (SIGKILL, nothing gets to clean up)
 * halfway, and the next run finishes: every subscriber has exactly one mail in the SES emulator. The mails in flight
 * at the kill are settled by SES's Send events (here the local runner's relay in front of the emulator publishes them,
 * as the configuration set does in AWS): one the emulator took is confirmed, one it never got is sent again.
 * `npm test` runs it over 400 subscribers; `npm run newsletter:scale` (run by .ci/run) over 10,000.
 */
const SUBSCRIBERS = process.env.NEWSLETTER_SCALE ? 10_000 : 400
let services: Services
let config: RuntimeConfig
let relay: SesEventRelay
const { sesEndpoint } = inject('emulators')

beforeAll(async () => {
  ;({ services, config } = await createTestEnvironment('newsletter-resume'))
  const sesEvents = createSesEventHandler(services.db)
  relay = await startSesEventRelay({ target: sesEndpoint, publish: (event) => sesEvents.handleEvent(event) })
  config = { ...config, endpoints: { ...config.endpoints, ses: relay.endpoint }, mailFrom: 'nyhetsbrev@kompetansebroen.test', mailConfigurationSet: 'kompetansebroen-test' }
  await seedCatalog(services, ['nasjonal', 'akershus'])
}, 60_000)
afterAll(() => relay?.stop())

/** Confirmed subscribers written 25 at a time, four batches at once: what many sign-ups over months leave. */
async function seedSubscribers(prefix: string): Promise<string[]> {
  const emails = Array.from({ length: SUBSCRIBERS }, (_, n) => `${prefix}-${n}@kommune.example.no`)
  const at = new Date().toISOString()
  const batches = Array.from({ length: Math.ceil(emails.length / 25) }, (_, n) => emails.slice(n * 25, n * 25 + 25))
  const write = async (batch: string[]) => {
    const puts = batch.map((email) => ({
      PutRequest: { Item: { PK: newsletterPk('akershus'), SK: subscriberSk(emailHashOf(email)), tenant: 'akershus', emailHash: emailHashOf(email), email, topics: ['alt'], consentText: 'Samtykke.', consentedAt: at, confirmedAt: at, status: 'confirmed' } },
    }))
    let unprocessed: Record<string, unknown[]> | undefined = { [config.tables.content]: puts }
    while (unprocessed && Object.keys(unprocessed).length) unprocessed = (await services.db.client.send(new BatchWriteCommand({ RequestItems: unprocessed as never }))).UnprocessedItems
  }
  for (let start = 0; start < batches.length; start += 4) await Promise.all(batches.slice(start, start + 4).map(write))
  return emails
}

/** How many markers the send log holds (a count, not the items: at 10,000 they would be megabytes a poll). */
const markers = async (issueId: string) => {
  let count = 0
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await services.db.client.send(new QueryCommand({ TableName: config.tables.content, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': sentPk('akershus', issueId) }, Select: 'COUNT', ExclusiveStartKey: startKey, ConsistentRead: true }))
    count += page.Count ?? 0
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return count
}

describe('a send killed halfway', () => {
  it('resumes on the next run: every subscriber gets exactly one mail, the ones in flight at the kill included', async () => {
    const prefix = `massen-${unique()}`
    const emails = await seedSubscribers(prefix)
    const item = await publishNew(services, testArticle('akershus', `massen-${unique()}`))
    const subject = `Nytt fra Akershus ${prefix}`
    const issue = await createIssues(services.db).schedule('akershus', { subject, intro: 'Hei!', itemIds: [item.id] }, [{ id: item.id, tenant: 'akershus', type: item.type, slug: item.slug, title: item.title, summary: item.summary, topics: item.topics }], { createdBy: 'test' })

    const worker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./send-worker.ts', import.meta.url)), JSON.stringify(config)], { stdio: 'ignore' })
    const exited = new Promise((resolve) => worker.once('exit', resolve))
    // Killed once about half have gone out, with up to eight mails in flight.
    const deadline = Date.now() + 1_200_000
    while ((await markers(issue.id)) < SUBSCRIBERS / 2) {
      if (Date.now() > deadline) throw new Error('The worker never got halfway')
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    worker.kill('SIGKILL')
    await exited
    const halfway = await markers(issue.id)
    expect(halfway).toBeGreaterThanOrEqual(SUBSCRIBERS / 2)
    expect(halfway).toBeLessThan(SUBSCRIBERS)
    expect((await createIssues(services.db).get('akershus', issue.id))!.status).not.toBe('sent')

    // SES publishes its Send events within seconds; here the relay has published each once it has answered. Then no
    // wait is needed before a claim nobody confirmed is sent again.
    await relay.settled()
    // A budget for a loaded shared machine (a Lambda run stops far sooner and the next run goes on): the claim here is
    // exactly-once across a kill, not speed.
    const resumed = await scheduledNewsletters(services.db, sesMailer(config), config, { maxPerSecond: 100_000, concurrency: 8, confirmationWaitMs: 0, budgetMs: 1_200_000, sleep: async () => {} })()
    expect(resumed).toEqual([expect.objectContaining({ issueId: issue.id, outcome: 'finished' })])
    const received = new Map<string, number>()
    for (const mail of await sentMail(sesEndpoint)) if (mail.subject === subject) for (const to of mail.destination.to) received.set(to, (received.get(to) ?? 0) + 1)
    expect(emails.filter((email) => received.get(email) !== 1)).toEqual([])
    expect(received.size).toBe(SUBSCRIBERS)
    const finished = (await createIssues(services.db).get('akershus', issue.id))!
    expect(finished.status).toBe('sent')
    // The count is the send log's, so mails of a page the kill cut short are counted too.
    expect(finished.sentCount).toBe(SUBSCRIBERS)
  }, 1_800_000)
})
