import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importPartnerFeed } from '../../../functions/events/partner-feed-import.ts'
import { partnerFeedContext } from '../../../functions/events/partner-feed-schedule.ts'
import { demoFeedId, demoPartner, startDemoPartnerFeed, subscribeDemoPartnerFeed } from '../../../infra/local/partner-feed-fixture.ts'
import { createTestEnvironment } from '../../support/environment.ts'

/** `npm start`'s partner calendar (issue 13): served on loopback, subscribed by Innlandet, imported as drafts. */
let fixture: Awaited<ReturnType<typeof startDemoPartnerFeed>>
let env: Awaited<ReturnType<typeof createTestEnvironment>>

beforeAll(async () => {
  fixture = await startDemoPartnerFeed()
  env = await createTestEnvironment('partner-feed-fixture')
})
afterAll(() => fixture.stop())

describe("the local partner's calendar", () => {
  it('is imported as drafts credited to the partner, read from loopback only where the configuration allows it', async () => {
    await subscribeDemoPartnerFeed(env.services.db, fixture.url)
    // Subscribing again (the next npm start, on another port) keeps the one subscription.
    await subscribeDemoPartnerFeed(env.services.db, fixture.url)
    const aws = partnerFeedContext(env.services.db, env.services.content, {})
    const feed = (await aws.feeds.get('innlandet', demoFeedId))!
    expect((await aws.feeds.list('innlandet')).map((each) => each.partner)).toEqual([demoPartner])
    expect(await importPartnerFeed(aws, feed)).toMatchObject({ ok: false, problem: { code: 'not-https' } })

    const local = partnerFeedContext(env.services.db, env.services.content, { partnerFeeds: { allowLoopback: true } })
    expect(await importPartnerFeed(local, feed)).toMatchObject({ ok: true, created: 3 })
    const drafts = (await env.services.content.list('innlandet', { type: 'arrangementer', limit: 10 })).items
    expect(drafts.map((draft) => draft.title).sort()).toEqual(['Fagdag: Velferdsteknologi i kommunene', 'Nettverksmøte i Helsefellesskapet Innlandet', 'Webinar: Utskrivningsklare pasienter – hva fungerer?'])
    for (const draft of drafts) expect(draft).toMatchObject({ status: 'draft', organiser: demoPartner })
    // 09:00 Oslo time, in winter or summer.
    const meeting = drafts.find((draft) => draft.title.startsWith('Nettverksmøte')) as { startsAt: string }
    expect(new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', timeStyle: 'short' }).format(new Date(meeting.startsAt))).toBe('09:00')
  })
})
