import { Hono } from 'hono'
import type { PublicReadingServices } from '../reader-services.ts'
import { badRequest, gone, notFound } from '../shared/errors.ts'
import { contentTypes, isContentType, isSlug, maxSlugLength, type ContentType } from './vocabulary.ts'

export const MAX_PAGE_SIZE = 100
const DEFAULT_PAGE_SIZE = 20
const MAX_TENANT_ID_LENGTH = 40
const MAX_CURSOR_LENGTH = 2048

/*
 * Checked by hand against the plain vocabulary rather than with zod (as schema.ts's schemas would), so the
 * public API's bundle carries no zod (~96 KB, a tenth of a reader's cold start). The rules are the schemas':
 * tenant ids and slugs are slugs (ids at most 40 characters), types are the content types, limit 1–100.
 */

const invalid = (part: string, field: string, problem: string) => badRequest(`Invalid ${part}: ${field}: ${problem}`)

function tenantParam(part: string, field: string, value: string): string {
  if (!isSlug(value) || value.length > MAX_TENANT_ID_LENGTH) {
    throw invalid(part, field, `'${value.slice(0, MAX_TENANT_ID_LENGTH)}' is not an edition id (lower-case a–z, digits and single hyphens, at most ${MAX_TENANT_ID_LENGTH}).`)
  }
  return value
}

function typeParam(part: string, value: string): ContentType {
  if (!isContentType(value)) throw invalid(part, 'type', `expected one of ${contentTypes.join(', ')}.`)
  return value
}

function listQuery(query: Record<string, string>): { type?: ContentType; limit: number; cursor?: string } {
  const { type, limit, cursor } = query
  if (limit !== undefined && !(/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_PAGE_SIZE)) {
    throw invalid('query', 'limit', `expected a whole number from 1 to ${MAX_PAGE_SIZE}.`)
  }
  if (cursor !== undefined && (cursor.length < 1 || cursor.length > MAX_CURSOR_LENGTH)) {
    throw invalid('query', 'cursor', `expected the nextCursor of an earlier page, 1–${MAX_CURSOR_LENGTH} characters.`)
  }
  return {
    ...(type === undefined ? {} : { type: typeParam('query', type) }),
    limit: limit === undefined ? DEFAULT_PAGE_SIZE : Number(limit),
    ...(cursor === undefined ? {} : { cursor }),
  }
}

/** Public, read-only JSON for integrators: published content only, cursor-paged. */
export function publicContentRoutes(services: Pick<PublicReadingServices, 'catalog' | 'content'>) {
  const requireTenant = async (id: string) => {
    const catalog = await services.catalog.get()
    const tenant = catalog.tenant(id)
    if (!tenant) throw notFound(`Unknown edition '${id}'. GET /api/v1/editions lists them.`)
    return tenant
  }

  return new Hono()
    .get('/editions', async (c) => {
      const catalog = await services.catalog.get()
      return c.json({
        items: catalog.tenants.map(({ id, name, regionName, national }) => ({ id, name, regionName, national })),
      })
    })
    .get('/topics', async (c) => {
      const catalog = await services.catalog.get()
      return c.json({ items: catalog.topics.map(({ slug, name, summary }) => ({ slug, name, summary })) })
    })
    .get('/editions/:edition/items', async (c) => {
      const edition = tenantParam('param', 'edition', c.req.param('edition'))
      const query = listQuery(c.req.query())
      await requireTenant(edition)
      const page = await services.content.listEdition(edition, query)
      return c.json({ items: page.items, nextCursor: page.nextCursor ?? null })
    })
    .get('/items/:tenant/:type/:slug', async (c) => {
      const tenant = tenantParam('param', 'tenant', c.req.param('tenant'))
      const type = typeParam('param', c.req.param('type'))
      const slug = c.req.param('slug')
      if (!isSlug(slug)) throw invalid('param', 'slug', `not a slug (lower-case a–z, digits and single hyphens, at most ${maxSlugLength}).`)
      await requireTenant(tenant)
      const item = await services.content.readerView(tenant, type, slug)
      if (item === 'gone') throw gone(`The ${type} '${slug}' in ${tenant} has been withdrawn.`)
      if (!item) throw notFound(`No published ${type} '${slug}' in ${tenant}.`)
      return c.json(item)
    })
}
