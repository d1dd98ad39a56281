import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { isbot } from 'isbot'
import { isContentType, isSlug, type ContentType } from '../content/vocabulary.ts'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, payloadTooLarge } from '../shared/errors.ts'
import type { AnalyticsCounts } from './counts.ts'
import { pageViewPath } from './paths.ts'

/*
 * `POST /api/v1/views`: the page-view beacon (web/islands/page-view.ts), one per page load, with the edition the page
 * was read on and the item's address the server rendered into it (owner edition, type, slug). No cookie, no id and
 * no free text: what cannot be an address is 400; an address of nothing published (made up, or withdrawn since the
 * page was cached) is 204 with no write, so the counters only ever hold items that exist. The address is resolved
 * to the item's id with the published snapshot's GetItem, remembered per container for a few minutes so a popular
 * page costs one write per view and no read. Crawlers and prefetches (isbot on the user agent, Sec-Purpose) get
 * the same 204 and are not counted. The reader's IP is not read.
 */

/**
 * Exactly the four fields, each a slug (editions at most 40 characters), the type one of ours. Checked by hand, not with
 * zod: the exams function's bundle carries no zod for four fields (~450 KB measured).
 */
function beaconOf(form: Record<string, unknown>): { edition: string; owner: string; type: ContentType; slug: string } | undefined {
  const { edition, owner, type, slug, ...rest } = form
  const text = [edition, owner, type, slug].map((value) => (typeof value === 'string' ? value : ''))
  const [e = '', o = '', t = '', s = ''] = text
  if (Object.keys(rest).length || !isSlug(e) || e.length > 40 || !isSlug(o) || o.length > 40 || !isContentType(t) || !isSlug(s)) return undefined
  return { edition: e, owner: o, type: t, slug: s }
}

/** How long a resolved address is trusted, and how many are kept (a bounded map: made-up ones are never kept). */
const REMEMBER_MS = 5 * 60_000
const REMEMBER_MAX = 5000

export function pageViewRoutes(services: Pick<PublicReadingServices, 'catalog' | 'content'> & { analytics: AnalyticsCounts }, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now
  const known = new Map<string, { id: string; until: number }>()
  async function itemId(owner: string, type: ContentType, slugValue: string): Promise<string | undefined> {
    const address = `${owner}/${type}/${slugValue}`
    const remembered = known.get(address)
    if (remembered && remembered.until > now()) return remembered.id
    const item = await services.content.getPublished(owner, type, slugValue)
    if (!item) return undefined
    if (known.size >= REMEMBER_MAX) known.delete(known.keys().next().value!)
    known.set(address, { id: item.id, until: now() + REMEMBER_MS })
    return item.id
  }

  const app = new Hono()
  app.post(
    pageViewPath,
    bodyLimit({
      maxSize: 1024,
      onError: () => {
        throw payloadTooLarge('A page view is a few short fields.')
      },
    }),
    async (c) => {
      c.header('cache-control', 'no-store')
      const beacon = beaconOf(await c.req.parseBody())
      if (!beacon) throw badRequest('A page view names an edition and an item address (owner, type, slug), and nothing else.')
      const agent = c.req.header('user-agent') ?? ''
      const prefetch = /prefetch|prerender/i.test(`${c.req.header('sec-purpose') ?? ''} ${c.req.header('purpose') ?? ''}`)
      if (!agent || isbot(agent) || prefetch) return c.body(null, 204)
      const { edition, owner, type, slug: itemSlug } = beacon
      const catalog = await services.catalog.get()
      if (!catalog.tenant(edition) || !catalog.tenant(owner)) return c.body(null, 204)
      const id = await itemId(owner, type, itemSlug)
      if (id) await services.analytics.countView(edition, { owner, type, id })
      return c.body(null, 204)
    },
  )
  return app
}
