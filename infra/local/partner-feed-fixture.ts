import { createServer, type Server } from 'node:http'
import { createPartnerFeeds } from '../../functions/events/partner-feeds.ts'
import type { Db } from '../../functions/shared/db.ts'
import { midweekDay } from './seed/dates.ts'

/*
 * A partner's calendar for `npm start` (issue 13): Helsefellesskapet Innlandet's meeting places as an iCalendar feed on
 * a loopback port, and Innlandet's edition subscribed to it, so the scheduler's timer imports them as drafts a few
 * seconds after start. Loopback over http is read only because the local runner's configuration allows it
 * (RuntimeConfig.partnerFeeds); in AWS a feed is https from a public address.
 */

export const demoPartner = 'Helsefellesskapet Innlandet'
/** A fixed id, so each start points the same subscription at this run's port and re-imports nothing twice. */
export const demoFeedId = '01JDEM0PARTNERFEED00000001'

const events = [
  { uid: 'nettverksmote-vinter', inDays: 18, start: '0900', end: '1130', title: 'Nettverksmøte i Helsefellesskapet Innlandet', location: 'Scandic Hamar\\, Vangsvegen 121\\, Hamar', description: 'Kommuner\\, Sykehuset Innlandet og fastleger møtes for å følge opp de felles pasientforløpene.\\n\\nVi går gjennom status for tjenesteavtalene og deler erfaringer fra utskrivning av skrøpelige eldre.' },
  { uid: 'webinar-utskrivning', inDays: 33, start: '1200', end: '1300', title: 'Webinar: Utskrivningsklare pasienter – hva fungerer?', location: undefined, description: 'Et lunsjwebinar om gode overganger mellom sykehus og kommune\\, med eksempler fra Gjøvik og Elverum.' },
  { uid: 'fagdag-velferdsteknologi', inDays: 47, start: '0900', end: '1500', title: 'Fagdag: Velferdsteknologi i kommunene', location: 'Høgskolen i Innlandet\\, Elverum', description: 'Fagdag for ansatte i hjemmetjenesten og på sykehjem om digitalt tilsyn\\, medisindispensere og opplæring.' },
] as const

/** The feed as a partner's calendar system writes it: local Oslo times with their TZID, CRLF lines. */
export function demoPartnerFeed(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Helsefellesskapet Innlandet//Moteplasser//NO', 'X-WR-CALNAME:Møteplasser i Helsefellesskapet Innlandet']
  for (const event of events) {
    const day = midweekDay(now, event.inDays).replace(/-/g, '')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}@helsefellesskapet-innlandet.example`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=Europe/Oslo:${day}T${event.start}00`,
      `DTEND;TZID=Europe/Oslo:${day}T${event.end}00`,
      `SUMMARY:${event.title}`,
      `DESCRIPTION:${event.description}`,
      ...(event.location ? [`LOCATION:${event.location}`] : []),
      `URL:https://helsefellesskapet-innlandet.example/moteplasser/${event.uid}`,
      'END:VEVENT',
    )
  }
  return [...lines, 'END:VCALENDAR', ''].join('\r\n')
}

/** Serves the feed on a free loopback port; its address is `url`. */
export async function startDemoPartnerFeed(now: () => Date = () => new Date()): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' })
    response.end(demoPartnerFeed(now()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/helsefellesskapet-innlandet.ics`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Innlandet subscribed to the feed at `url`, due now: the next scheduler run imports it. */
export async function subscribeDemoPartnerFeed(db: Db, url: string, now = new Date()): Promise<void> {
  const feeds = createPartnerFeeds(db)
  const existing = await feeds.get('innlandet', demoFeedId)
  await feeds.save({
    id: demoFeedId,
    tenant: 'innlandet',
    partner: demoPartner,
    url,
    createdAt: existing?.createdAt ?? now.toISOString(),
    createdBy: existing?.createdBy ?? 'demo',
    nextFetchAt: now.toISOString(),
    lastRun: existing?.lastRun,
  })
}
