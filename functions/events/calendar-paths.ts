import { itemPath } from '../content/paths.ts'
import { NATIONAL_TENANT } from '../reader-services.ts'

/**
 * Addresses of the calendars (issue 13), served by the events function (`eventCalendarPathPatterns`,
 * infra/definitions.ts). Zod-free: the site's pages link to them.
 */

/** The query parameter that narrows an edition's calendar to one topic, as on the events listing. */
export const calendarTopicParam = 'tema'

/** One event as a calendar file: its page's address plus `.ics`. */
export const eventCalendarPath = (event: { tenant: string; slug: string }) => `${itemPath({ tenant: event.tenant, type: 'arrangementer', slug: event.slug })}.ics`

/** An edition's calendar (the national one at the root, like its pages), optionally one topic's events only. */
export function editionCalendarPath(edition: string, topic?: string): string {
  const path = `${edition === NATIONAL_TENANT ? '' : `/${edition}`}/arrangementer.ics`
  return topic ? `${path}?${calendarTopicParam}=${encodeURIComponent(topic)}` : path
}

/** The same calendar for apps that subscribe (`webcal:` asks the reader's calendar app to subscribe rather than import once). */
export const webcalUrl = (absoluteHttpsUrl: string) => absoluteHttpsUrl.replace(/^https?:/, 'webcal:')
