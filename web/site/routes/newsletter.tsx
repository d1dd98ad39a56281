import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { Hono } from 'hono/tiny'
import { isSlug } from '../../../functions/content/vocabulary.ts'
import type { Mailer } from '../../../functions/events/mail.ts'
import { parseSubscribeForm, parseTopics } from '../../../functions/newsletter/form.ts'
import { alreadySubscribedMessage, confirmMessage } from '../../../functions/newsletter/messages.tsx'
import { checkInboxPath, confirmPath, preferencesPath, subscribePath } from '../../../functions/newsletter/paths.ts'
import type { SubscriberStore } from '../../../functions/newsletter/subscribers.ts'
import { isToken } from '../../../functions/newsletter/tokens.ts'
import { absoluteUrl, publicOrigin } from '../origin.ts'
import { NewsletterNoticePage, SubscribePage } from '../pages/newsletter.tsx'
import { ConfirmPage, PreferencesPage, UnsubscribePage } from '../pages/newsletter-preferences.tsx'
import { newsletterConsent, newsletterText as t } from '../pages/newsletter-text.ts'
import { notFound, type Pages } from '../pages-kit.tsx'
import { requestLog } from '../../../functions/shared/request-log.ts'

/**
 * A sign-up is answered no sooner than this after it arrived, whatever happened: an address over its rate limit or
 * suppressed costs no SES call, and without a floor its quicker answer would tell what the page does not (the same
 * timing class for every address; SES answers well within it).
 */
export const SIGNUP_ANSWER_FLOOR_MS = 400

/** The subscribe form is a few hundred bytes (an address, some topic slugs). */
export const MAX_NEWSLETTER_FORM_BYTES = 16 * 1024

/** What the newsletter's reader pages use: the events function's services carry them (functions/events/services.ts). */
export interface NewsletterPageServices {
  subscribers: SubscriberStore
  mailer: Mailer
}

/**
 * The newsletter's reader pages (issue 14), served by the events function beside event sign-ups (the same readers'
 * form posts, the same SES client): subscribe with double opt-in, confirm, preferences and one-click unsubscribe.
 * Each answers `no-store`. The sign-up answers the same whatever the address (new, pending, subscribed, suppressed,
 * or over its rate limit): the same redirect to "check your inbox", after the same kind of work.
 */
export function newsletterRoutes(pages: Pages & { services: NewsletterPageServices & Pages['services'] }) {
  const { services } = pages
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })
  const limit = bodyLimit({ maxSize: MAX_NEWSLETTER_FORM_BYTES, onError: (c) => c.text('Skjemaet er for stort.', 413) })

  async function edition(c: Context) {
    const tenant = c.req.param('tenant') ?? ''
    if (!isSlug(tenant) || tenant.length > 40) throw notFound()
    const catalog = await services.catalog.get()
    const owner = catalog.tenant(tenant)
    if (!owner) throw notFound()
    return { tenant: owner, catalog, ctx: pages.pageContext(c, catalog, owner.id), topics: new Set(catalog.topics.map((topic) => topic.slug)) }
  }

  const base = '/:tenant/nyhetsbrev'
  app.get(base, async (c) => pages.render(c, <SubscribePage ctx={(await edition(c)).ctx} />))

  app.post(base, limit, async (c) => {
    const started = Date.now()
    const { tenant, ctx, topics } = await edition(c)
    const parsed = parseSubscribeForm(await c.req.parseBody({ all: true }), topics)
    if ('errors' in parsed) return pages.render(c, <SubscribePage ctx={ctx} errors={parsed.errors} values={parsed.values} />, 400)
    const result = await services.subscribers.subscribe(tenant.id, parsed.form, newsletterConsent(tenant.name))
    const origin = publicOrigin(c, services.config)
    const named = { id: tenant.id, name: tenant.name }
    try {
      if (result.mail === 'confirm') await services.mailer.send(confirmMessage({ edition: named, email: parsed.form.email, confirmUrl: absoluteUrl(origin, confirmPath(tenant.id, result.token)) }))
      if (result.mail === 'already-subscribed')
        await services.mailer.send(alreadySubscribedMessage({ edition: named, email: parsed.form.email, preferencesUrl: absoluteUrl(origin, preferencesPath(tenant.id, result.token)) }))
    } catch (error) {
      // The reader is told the same either way (no enumeration); the log says a mail was lost, never the address.
      requestLog(c).error('Newsletter sign-up mail not sent', { tenant: tenant.id, error })
    }
    const rest = started + SIGNUP_ANSWER_FLOOR_MS - Date.now()
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest))
    return c.redirect(checkInboxPath(tenant.id), 303)
  })

  app.get(`${base}/sjekk-innboksen`, async (c) =>
    pages.render(c, <NewsletterNoticePage ctx={(await edition(c)).ctx} title={t.checkInboxTitle} text={t.checkInbox} />),
  )

  // The link only asks, and the button confirms: a mail scanner opening links must not confirm an address for its owner.
  app.get(`${base}/bekreft/:token`, async (c) => {
    const { tenant, ctx } = await edition(c)
    const token = c.req.param('token')
    const pending = isToken(token) ? await services.subscribers.pendingByToken(token) : undefined
    if (!pending || pending.tenant !== tenant.id) return confirmUnknown(c, ctx)
    return pages.render(c, <ConfirmPage ctx={ctx} token={token} email={pending.email} />)
  })

  app.post(`${base}/bekreft/:token`, limit, async (c) => {
    const { tenant, ctx } = await edition(c)
    const token = c.req.param('token')
    const pending = isToken(token) ? await services.subscribers.pendingByToken(token) : undefined
    const subscriber = pending?.tenant === tenant.id ? await services.subscribers.confirm(token) : undefined
    if (!subscriber) return confirmUnknown(c, ctx)
    return pages.render(c, <NewsletterNoticePage ctx={ctx} title={t.confirmedTitle} text={t.confirmed} />)
  })
  const confirmUnknown = (c: Context, ctx: ReturnType<Pages['pageContext']>) =>
    pages.render(c, <NewsletterNoticePage ctx={ctx} title={t.confirmUnknownTitle} text={t.confirmUnknown} link={{ href: subscribePath(ctx.edition.id), text: t.subscribeAgain }} />, 404)

  /** The confirmed subscriber of a mail's link in this edition, or the "link does not work" page. */
  async function holder(c: Context) {
    const found = await edition(c)
    const token = c.req.param('token') ?? ''
    const subscriber = isToken(token) ? await services.subscribers.byManageToken(token) : undefined
    return { ...found, token, subscriber: subscriber?.tenant === found.tenant.id ? subscriber : undefined }
  }
  const deadLink = (c: Context, ctx: ReturnType<Pages['pageContext']>) =>
    pages.render(c, <NewsletterNoticePage ctx={ctx} title={t.linkUnknownTitle} text={t.linkUnknown} link={{ href: subscribePath(ctx.edition.id), text: t.subscribeAgain }} />, 404)

  app.get(`${base}/innstillinger/:token`, async (c) => {
    const { ctx, token, subscriber } = await holder(c)
    if (!subscriber) return deadLink(c, ctx)
    return pages.render(c, <PreferencesPage ctx={ctx} token={token} email={subscriber.email} topics={subscriber.topics} saved={c.req.query('lagret') === '1'} />)
  })

  app.post(`${base}/innstillinger/:token`, limit, async (c) => {
    const { ctx, token, subscriber, topics } = await holder(c)
    if (!subscriber) return deadLink(c, ctx)
    const chosen = parseTopics(await c.req.parseBody({ all: true }), topics)
    if (!chosen) return pages.render(c, <PreferencesPage ctx={ctx} token={token} email={subscriber.email} topics={[]} invalid />, 400)
    if (!(await services.subscribers.setTopics(subscriber, chosen))) return deadLink(c, ctx)
    return c.redirect(`${preferencesPath(ctx.edition.id, token)}?lagret=1`, 303)
  })

  // RFC 8058: a GET (a mail scanner, or the reader's click) only asks; a POST unsubscribes at once, whatever its body
  // (mail clients send `List-Unsubscribe=One-Click`, the page's button the same).
  app.get(`${base}/avmelding/:token`, async (c) => {
    const { ctx, token, subscriber } = await holder(c)
    if (!subscriber) return deadLink(c, ctx)
    return pages.render(c, <UnsubscribePage ctx={ctx} token={token} />)
  })

  app.post(`${base}/avmelding/:token`, limit, async (c) => {
    const { ctx, subscriber } = await holder(c)
    if (!subscriber) return deadLink(c, ctx)
    await services.subscribers.remove(subscriber.tenant, subscriber.emailHash)
    return pages.render(c, <NewsletterNoticePage ctx={ctx} title={t.unsubscribedTitle} text={t.unsubscribed} />)
  })

  return app
}
