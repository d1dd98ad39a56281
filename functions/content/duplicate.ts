import { ulid } from 'ulid'
import type { Db } from '../shared/db.ts'
import { ApiError, notFound } from '../shared/errors.ts'
import type { BinHook } from './bin.ts'
import { editableFields } from './editing.ts'
import * as keys from './keys.ts'
import type { ContentFields, ContentType } from './schema.ts'
import { slugCandidates, slugify } from './slug.ts'
import type { StoredItem } from './store.ts'

const TITLE_MAX = 200
const COPY_PREFIX = 'Kopi av '

/** The first address among the slug's candidates that no other item of the tenant claims (a hint: create claims). */
export async function freeSlug(db: Db, tenant: string, type: ContentType, base: string, ownId?: string, skip = new Set<string>()) {
  for (const slug of slugCandidates(base)) {
    if (skip.has(slug)) continue
    const claim = await db.get<{ itemId: string }>({ PK: keys.tenantPk(tenant), SK: keys.slugSk(type, slug) })
    if (!claim || claim.itemId === ownId) return slug
  }
  return undefined
}

/**
 * "Lag kopi" (issue 17): a new draft in the same tenant with the original's fields, titled "Kopi av …", at a free
 * address derived from the original's slug, made by the store's own create (one transaction: item, slug claim,
 * first revision, media uses). Nothing about its life is carried over: publish state, schedules, featuring,
 * followers, sign-ups and statistics belong to the original (they live on the item's lifecycle or records of their
 * own). A partner's import marker stays with the original, so the partner's feed never updates the copy.
 */
export function createDuplicating(
  db: Db,
  options: {
    getItem: (tenant: string, id: string) => Promise<StoredItem | undefined>
    create: (fields: ContentFields, by?: string) => Promise<StoredItem>
    refuseIfBinned: (tenant: string, id: string) => Promise<undefined>
    /** Capabilities that keep records of their own for an item may refuse a copy (a course's lessons and exam). */
    hooks?: BinHook[]
  },
) {
  return {
    async duplicate(tenant: string, id: string, by?: string): Promise<StoredItem> {
      const original = await options.getItem(tenant, id)
      if (!original) throw (await options.refuseIfBinned(tenant, id)) ?? notFound(`No item ${id} in ${tenant}.`)
      for (const hook of options.hooks ?? []) await hook.refuseCopy?.(original)
      const { importedFrom: _imported, ...fields } = editableFields(original) as ContentFields & { importedFrom?: unknown }
      const title = `${COPY_PREFIX}${original.title}`.slice(0, TITLE_MAX).trimEnd()
      const base = slugify(`kopi-av-${original.slug}`)
      const tried = new Set<string>()
      // Another editor may claim the address between the look and the create: the create then answers slug_taken
      // and writes nothing, and the next free one is tried.
      for (;;) {
        const slug = await freeSlug(db, tenant, original.type, base, undefined, tried)
        if (!slug)
          throw new ApiError(409, `No free address like ${base} is left for the copy. Rename the copies that exist, then copy again.`, 'slug_taken')
        try {
          return await options.create({ ...fields, id: ulid(), tenant, title, slug } as ContentFields, by)
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'slug_taken')) throw error
          tried.add(slug)
        }
      }
    },
  }
}
