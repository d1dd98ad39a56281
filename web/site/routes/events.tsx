import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { Hono } from 'hono/tiny'
import type { ContentOf } from '../../../functions/content/schema.ts'
import { isSlug } from '../../../functions/content/vocabulary.ts'
import { parseSignupForm } from '../../../functions/events/form.ts'
import { sendQuietly } from '../../../functions/events/mail.ts'
import { signupMessage } from '../../../functions/events/messages.tsx'
import type { Participant } from '../../../functions/events/model.ts'
import { cancelPath, receiptPath } from '../../../functions/events/paths.ts'
import { registrationMode, retentionDaysOf, signupBlocked } from '../../../functions/events/registration.ts'
import type { EventsServices } from '../../../functions/events/services.ts'
import { isToken } from '../../../functions/events/signups.ts'
import { absoluteUrl, publicOrigin } from '../origin.ts'
import { EventCancelPage, type CancelState } from '../pages/event-cancel.tsx'
import { EventReceiptPage, EventSignupPage, type SignupPageProps } from '../pages/event-signup.tsx'
import { consentText } from '../pages/event-text.ts'
import { notFound, type Pages } from '../pages-kit.tsx'
import { paths } from '../paths.ts'
import { requestLog } from '../../../functions/shared/request-log.ts'

type Event = ContentOf<'arrangementer'>

/** A sign-up form is a few hundred bytes; a 10 KB name is refused by its field's limit, far below this. */
export const MAX_SIGNUP_BYTES = 32 * 1024

/**
 * The events function's pages (functions/events-app.ts): an event's sign-up form, which posts to itself, its
 * receipt, and the cancel link's page. Each answers `no-store`: what they show changes with every sign-up, and a
 * refused form holds what one reader typed.
 */
export function eventRoutes(pages: Pages & { services: EventsServices }) {
  const { services } = pages
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })

  async function published(c: Context): Promise<{ event: Event; ctx: ReturnType<Pages['pageContext']> }> {
    const tenant = c.req.param('tenant') ?? ''
    const slug = c.req.param('slug') ?? ''
    if (!isSlug(tenant) || tenant.length > 40 || !isSlug(slug)) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenant)
    if (!owner) throw notFound()
    const event = await services.content.getPublished(owner.id, 'arrangementer', slug)
    if (!event || event.type !== 'arrangementer' || registrationMode(event) !== 'built-in') throw notFound()
    return { event, ctx: pages.pageContext(c, catalog, owner.id) }
  }

  /** The form as it stands now: closed by the clock, the organiser, or a full event without a waiting list. */
  async function formState(event: Event): Promise<Pick<SignupPageProps, 'seats' | 'blocked'>> {
    const seats = await services.signups.seats(event.tenant, event.id)
    const byClock = signupBlocked(event, pages.now())
    const full = event.capacity !== undefined && seats.confirmed >= event.capacity
    const blocked = byClock === 'deadline-passed' ? byClock : seats.closed ? 'closed' : full && !event.waitingList ? 'full' : undefined
    return { seats, blocked }
  }

  const mail = (c: Context, event: Event, participant: Participant, kind: 'confirmed' | 'waiting' | 'promoted' | 'cancelled', token?: string) => {
    const origin = publicOrigin(c, services.config)
    return sendQuietly(
      services.mailer,
      signupMessage({ kind, event, participant, eventUrl: absoluteUrl(origin, paths.item(event)), ...(token ? { cancelUrl: absoluteUrl(origin, cancelPath(token)) } : {}) }),
    )
  }

  const signup = '/:tenant/arrangementer/:slug/pamelding'
  app.get(signup, async (c) => {
    const { event, ctx } = await published(c)
    return pages.render(c, <EventSignupPage ctx={ctx} event={event} {...await formState(event)} />)
  })

  app.post(
    signup,
    bodyLimit({ maxSize: MAX_SIGNUP_BYTES, onError: (c) => c.text('Skjemaet er for stort.', 413) }),
    async (c) => {
      const { event, ctx } = await published(c)
      const body = await c.req.parseBody()
      const parsed = parseSignupForm(body)
      const refuse = async (props: Partial<SignupPageProps>) =>
        pages.render(c, <EventSignupPage ctx={ctx} event={event} seats={await services.signups.seats(event.tenant, event.id)} {...props} />, 400)
      if ('errors' in parsed) return refuse({ errors: parsed.errors, values: parsed.values })
      const values = { name: parsed.form.name, email: parsed.form.email, workplace: parsed.form.workplace, municipality: parsed.form.municipality, needs: parsed.form.needs }
      // The clock is checked here; closed and full are the transaction's to say (a double sign-up is told as such even then).
      if (signupBlocked(event, pages.now()) === 'deadline-passed') return refuse({ refused: 'deadline-passed', blocked: 'deadline-passed' })
      const result = await services.signups.register(event, parsed.form, consentText(event.organiser, retentionDaysOf(event)), publicOrigin(c, services.config))
      if (result.outcome === 'duplicate') return refuse({ errors: { email: 'duplicate' }, values })
      if (result.outcome === 'full' || result.outcome === 'closed') return refuse({ refused: result.outcome, blocked: result.outcome })
      if (await mail(c, event, result.participant, result.outcome, result.token)) return c.redirect(receiptPath(event, result.outcome), 303)
      // Stored, but SES said no (sendQuietly logged it): the receipt says so and is this post's own answer, carrying
      // the cancel link the e-mail would have; a redirect would put the token in an address logs keep.
      const cancelUrl = absoluteUrl(publicOrigin(c, services.config), cancelPath(result.token))
      return pages.render(c, <EventReceiptPage ctx={ctx} event={event} outcome={result.outcome} cancelUrl={cancelUrl} />)
    },
  )

  app.get(`${signup}/kvittering`, async (c) => {
    const { event, ctx } = await published(c)
    const outcome = c.req.query('status')
    if (outcome !== 'confirmed' && outcome !== 'waiting') throw notFound()
    return pages.render(c, <EventReceiptPage ctx={ctx} event={event} outcome={outcome} />)
  })

  /** The event a sign-up belongs to, if it is still published (a withdrawn one still lets people cancel). */
  async function eventOf(participant: Participant): Promise<Event | undefined> {
    const event = await services.content.getPublished(participant.tenant, 'arrangementer', participant.eventSlug)
    return event?.type === 'arrangementer' && event.id === participant.eventId ? event : undefined
  }

  async function cancelPage(c: Context, participant: Participant | undefined, cancel: CancelState, status: 200 | 404 = 200) {
    const catalog = await services.catalog.get()
    const event = participant ? await eventOf(participant) : undefined
    const ctx = pages.pageContext(c, catalog, participant?.tenant ?? catalog.nationalTenant?.id ?? '')
    return pages.render(c, <EventCancelPage ctx={ctx} event={event} title={participant?.eventTitle} cancel={cancel} />, status)
  }

  app.get('/avmelding/:token', async (c) => {
    const token = c.req.param('token')
    const found = isToken(token) ? await services.cancellations.lookup(token) : undefined
    if (!found) return cancelPage(c, undefined, { state: 'unknown' }, 404)
    if (found.live) return cancelPage(c, found.participant, { state: 'confirm', name: found.participant.name, token })
    return cancelPage(c, found.participant, { state: c.req.query('utfort') === '1' ? 'done' : 'already' })
  })

  app.post('/avmelding/:token', async (c) => {
    const token = c.req.param('token')
    const result = isToken(token) ? await services.cancellations.cancel(token) : { outcome: 'unknown' as const }
    if (result.outcome === 'unknown') return cancelPage(c, undefined, { state: 'unknown' }, 404)
    if (result.outcome === 'already-cancelled') return cancelPage(c, result.participant, { state: 'already' })
    const event = await eventOf(result.participant)
    if (event) {
      await mail(c, event, result.participant, 'cancelled')
      if (result.promoted) await mail(c, event, result.promoted.participant, 'promoted', result.promoted.token)
    } else if (result.promoted) requestLog(c).warn('Promotion e-mail not sent: the event is no longer published', { eventId: result.participant.eventId })
    return c.redirect(`${cancelPath(token)}?utfort=1`, 303)
  })

  return app
}
