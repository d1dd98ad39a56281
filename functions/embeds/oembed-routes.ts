import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { PublicReadingServices } from '../reader-services.ts'
import { ApiError, badRequest, notFound } from '../shared/errors.ts'
import { publicOrigin } from '../../web/site/origin.ts'
import { oembedFor } from './oembed.ts'
import { itemAddressOf } from './paths.ts'
import { firstProblem, oembedQuerySchema } from './schema.ts'

const notOurs = (url: string) => notFound(`${url.slice(0, 200)} is not a published item page of this site.`)

/**
 * `GET /api/oembed?url=…&maxwidth=&maxheight=&format=json` (oEmbed 1.0, https://oembed.com): the embed of a
 * published item page of this site, as a "rich" frame of its card. 404 for any other URL (another site, a listing,
 * a draft, a withdrawn item), 400 for a missing or malformed one, 501 for format=xml. Item pages announce it with a
 * discovery link (web/site/pages/item.tsx).
 */
export function oembedRoutes(services: Pick<PublicReadingServices, 'catalog' | 'content' | 'config'>) {
  return new Hono().get('/oembed', async (c) => {
    const parsed = z.safeParse(oembedQuerySchema, c.req.query())
    if (!parsed.success) throw badRequest(`Invalid query: ${firstProblem(parsed.error)}`)
    const { url, maxwidth, maxheight, format = 'json' } = parsed.data
    // 501 as the spec asks; the code says the request is what to change (the status's default, internal, would blame us).
    if (format === 'xml') throw new ApiError(501, 'format=xml is not implemented: ask for format=json.', 'bad_request')
    if (format !== 'json') throw badRequest('Invalid query: format: expected json.')

    let target: URL
    try {
      target = new URL(url)
    } catch {
      throw badRequest('Invalid query: url: expected an absolute http(s) URL, such as https://kompetansebroen.no/innlandet/e-kurs/….')
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw badRequest('Invalid query: url: expected an http(s) URL.')
    // Our pages by either scheme (consumers normalise differently); any other host is not ours.
    const origin = publicOrigin(c, services.config)
    const address = target.host === new URL(origin).host ? itemAddressOf(target.pathname) : undefined
    if (!address) throw notOurs(url)
    const owner = (await services.catalog.get()).tenant(address.tenant)
    const item = owner && (await services.content.getPublished(owner.id, address.type, address.slug))
    if (!owner || !item) throw notOurs(url)
    return c.json(oembedFor(item, owner, origin, { maxwidth, maxheight }))
  })
}
