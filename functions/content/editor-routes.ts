import { Hono, type Context } from 'hono'
import { ulid } from 'ulid'
import * as z from 'zod'
import { renderItemPreview } from '../../web/site/preview.tsx'
import type { AssetManifest } from '../../web/assets.ts'
import type { EditorEnv } from '../auth/middleware.ts'
import type { Services } from '../services.ts'
import { ApiError, notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { editableFields } from './editing.ts'
import { publishProblems } from './rules.ts'
import { contentInputSchema, contentTypeSchema, instantSchema, itemIdSchema, slugSchema, statusSchema, tenantIdSchema } from './schema.ts'
import { slugify } from './slug.ts'
import { freeSlug } from './duplicate.ts'
import { createAutosaves } from './autosave.ts'
import { saverNames } from './saver-names.ts'

const tenantParam = z.object({ tenant: tenantIdSchema })
const itemParams = tenantParam.extend({ id: itemIdSchema })
const revisionParams = itemParams.extend({ revision: z.coerce.number().int().min(1) })
const versionBody = z.object({ version: z.int().min(1) })

const listQuery = z.object({
  status: statusSchema.optional(),
  type: contentTypeSchema.optional(),
  topic: slugSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
})

/** Times to publish and unpublish (ISO with offset); null clears one. */
const scheduleBody = versionBody.extend({ publishAt: instantSchema.nullish(), unpublishAt: instantSchema.nullish() })
const slugQuery = z.object({ type: contentTypeSchema, title: z.string().trim().min(1).max(200), id: itemIdSchema.optional() })

/**
 * `/api/editor/tenants/:tenant/…`: the editor's side of content, behind the tenant guard. One chain, so each
 * route's validators and answers are in the type the workspace's client is built from (functions/editor-api.ts).
 */
export function contentEditorRoutes(services: Services, options: { assets: () => AssetManifest }) {
  const content = services.content
  const autosaves = createAutosaves(services.db)
  // Conflicts and history name who saved (issue 17); `.catch(names.conflict)` on each write an editor can lose.
  const names = saverNames(services.db)

  /** The tenant from the path, checked against the token by the guard mounted in api.ts. */
  const tenantOf = (c: Context<EditorEnv>) => ({ tenant: c.get('tenant'), principal: c.get('principal') })
  const requireItem = async (tenant: string, id: string) => {
    const item = await content.getItem(tenant, id)
    if (!item) throw notFound(`No item ${id} in ${tenant}.`)
    return item
  }

  return new Hono<EditorEnv>()
    .get('/items', validate('param', tenantParam), validate('query', listQuery), async (c) => {
      const { tenant } = tenantOf(c)
      const page = await content.list(tenant, c.req.valid('query'))
      return c.json({ items: page.items, nextCursor: page.nextCursor ?? null })
    })

    .post('/items', validate('param', tenantParam), validate('json', contentInputSchema), async (c) => {
      const { tenant, principal } = tenantOf(c)
      const created = await content.create({ ...c.req.valid('json'), id: ulid(), tenant }, principal.username)
      return c.json(created, 201)
    })

    .get('/items/:id', validate('param', itemParams), async (c) => {
      const { tenant } = tenantOf(c)
      return c.json(await requireItem(tenant, c.req.valid('param').id))
    })

    .put('/items/:id', validate('param', itemParams), validate('json', z.object({ version: z.int().min(1), fields: contentInputSchema })), async (c) => {
      const { tenant, principal } = tenantOf(c)
      const { version, fields } = c.req.valid('json')
      const { id } = c.req.valid('param')
      const saved = await content.save(tenant, id, version, { ...fields, id, tenant }, principal.username).catch(names.conflict)
      // The saver's autosave is now older than what is stored (issue 17); others' autosaves stay theirs to decide on.
      await autosaves.discard(tenant, id, principal.username)
      return c.json(saved)
    })

    .get('/items/:id/revisions', validate('param', itemParams), async (c) => {
      const { tenant } = tenantOf(c)
      const { id } = c.req.valid('param')
      await requireItem(tenant, id)
      return c.json({ items: await names.revisions(await content.revisions(tenant, id)) })
    })

    .get('/items/:id/revisions/:revision', validate('param', revisionParams), async (c) => {
      const { tenant } = tenantOf(c)
      const { id, revision } = c.req.valid('param')
      const found = await content.revision(tenant, id, revision)
      if (!found) throw notFound(`Item ${id} has no revision ${revision}.`)
      return c.json(found)
    })

    .post('/items/:id/revisions/:revision/restore', validate('param', revisionParams), validate('json', versionBody), async (c) => {
      const { tenant, principal } = tenantOf(c)
      const { id, revision } = c.req.valid('param')
      return c.json(await content.restore(tenant, id, revision, c.req.valid('json').version, principal.username).catch(names.conflict))
    })

    .post('/items/:id/publish', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant } = tenantOf(c)
      const { id } = c.req.valid('param')
      const item = await requireItem(tenant, id)
      const problems = publishProblems(editableFields(item))
      if (problems.length)
        throw new ApiError(400, `Cannot publish yet: ${problems.map((problem) => problem.message).join(' ')}`, 'publish_blocked', { problems })
      // The publish's own transaction tells the CDN (its outbox record); nothing more to do here.
      return c.json(await content.publish(tenant, id, c.req.valid('json').version).catch(names.conflict))
    })

    // Withdrawing: written out per action (not a loop) so each path stays a literal the workspace's client sees.
    .post('/items/:id/unpublish', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant } = tenantOf(c)
      return c.json(await content.withdraw(tenant, c.req.valid('param').id, c.req.valid('json').version, 'unpublished').catch(names.conflict))
    })

    .post('/items/:id/archive', validate('param', itemParams), validate('json', versionBody), async (c) => {
      const { tenant } = tenantOf(c)
      return c.json(await content.withdraw(tenant, c.req.valid('param').id, c.req.valid('json').version, 'archived').catch(names.conflict))
    })

    .post('/items/:id/schedule', validate('param', itemParams), validate('json', scheduleBody), async (c) => {
      const { tenant, principal } = tenantOf(c)
      const { version, publishAt, unpublishAt } = c.req.valid('json')
      const times = { publishAt: publishAt ?? undefined, unpublishAt: unpublishAt ?? undefined }
      return c.json(await content.schedule(tenant, c.req.valid('param').id, version, times, principal.username).catch(names.conflict))
    })

    .post('/items/:id/featured', validate('param', itemParams), validate('json', versionBody.extend({ featured: z.boolean() })), async (c) => {
      const { tenant } = tenantOf(c)
      const { version, featured } = c.req.valid('json')
      return c.json(await content.setFeatured(tenant, tenant, c.req.valid('param').id, featured, version).catch(names.conflict))
    })

    .get('/items/:id/preview', validate('param', itemParams), async (c) => {
      const { tenant } = tenantOf(c)
      const item = await requireItem(tenant, c.req.valid('param').id)
      const html = renderItemPreview({
        item: { ...editableFields(item), publishedAt: item.publishedAt ?? item.updatedAt, updatedAt: item.updatedAt },
        catalog: await services.catalog.get(),
        origin: services.config.siteOrigin ?? new URL(c.req.url).origin,
        assets: options.assets(),
        now: new Date(),
      })
      return c.html(html, 200, { 'x-robots-tag': 'noindex', 'cache-control': 'no-store' })
    })

    .get('/slug', validate('param', tenantParam), validate('query', slugQuery), async (c) => {
      const { tenant } = tenantOf(c)
      const { type, title, id } = c.req.valid('query')
      const base = slugify(title)
      // A hint only: the save claims the slug atomically and answers 409 if someone took it meanwhile.
      const slug = await freeSlug(services.db, tenant, type, base, id)
      return c.json(slug ? { slug, available: true } : { slug: base, available: false })
    })
}
