import { Hono } from 'hono'
import { readerErrorHandler, readerNotFound } from '../web/site/errors.tsx'
import { createPages, type SiteOptions } from '../web/site/pages-kit.tsx'
import { eventRoutes } from '../web/site/routes/events.tsx'
import { newsletterRoutes } from '../web/site/routes/newsletter.tsx'
import { readerFormLimit } from '../web/site/routes/rate-limited.tsx'
import { calendarRoutes } from './events/calendar-routes.ts'
import type { EventsServices } from './events/services.ts'
import { readableForms } from './shared/form-body.ts'
import { requestLogging } from './shared/request-log.ts'

/**
 * The events function (issue 13): an event's built-in sign-up page and its form post
 * (`/{tenant}/arrangementer/{slug}/pamelding`), the receipt, and the cancel link's page (`/avmelding/{token}`), behind
 * CloudFront behaviours of their own (`eventsPathPatterns` in infra/definitions.ts), and the calendars (`.ics`, issue 13;
 * `eventCalendarPathPatterns`). Only this function writes
 * sign-ups and sends their e-mail (SES), so the site stays read-only and the public API small. Its pages are the
 * site's (layout, error pages). The same object runs in the Lambda and behind the local router.
 */
export function createEventsApp(services: EventsServices, options: SiteOptions & { signupsPerWindow?: number }) {
  // Sign-up pages change with every sign-up: never from the render cache.
  const pages = { ...createPages(services, { ...options, renderCache: false }), services }
  const app = new Hono()
  app.use('*', requestLogging())
  // A form body that cannot be parsed is the sender's mistake (400), never a 500 (found by tests/resilience).
  app.use('*', readableForms())
  // Posts that send e-mail, per address (issue 15): generous, since a hospital's staff share one address; the
  // WAF's rate rules are the limit that holds across containers (infra/stacks/rate-limits.ts).
  app.post('/:tenant/arrangementer/:slug/pamelding', readerFormLimit(pages, { limit: options.signupsPerWindow ?? 30, windowMs: 10 * 60_000 }))
  app.post('/:tenant/nyhetsbrev', readerFormLimit(pages, { limit: options.signupsPerWindow ?? 30, windowMs: 10 * 60_000 }))
  // Calendars first: they are cached like pages, where the sign-up routes' middleware marks everything no-store.
  app.route('/', calendarRoutes(services, { now: options.now }))
  app.route('/', eventRoutes(pages))
  // The newsletter's sign-up, confirmation, preferences and unsubscribe (issue 14): readers' form posts and SES too.
  app.route('/', newsletterRoutes(pages))
  app.notFound(readerNotFound(pages))
  app.onError(async (error, c) => {
    const response = await readerErrorHandler(pages)(error, c)
    response.headers.set('cache-control', 'no-store')
    return response
  })
  return app
}
