import { contentTable } from '../../infra/definitions.ts'
import type { ContentType } from './schema.ts'

/** Key layout of content records; see docs/data-model.md. Only this capability builds these keys. */
export { tenantPk } from '../shared/keys.ts'
export const itemSk = (id: string) => `ITEM#${id}`
/** The table's TTL attribute (infra/definitions.ts), epoch seconds: the bin, presence and autosaves expire by it. */
export const ttlAttribute = contentTable.timeToLiveAttribute ?? 'expiresAt'
export const slugSk = (type: ContentType, slug: string) => `SLUG#${type}#${slug}`
export const publishedSk = (type: ContentType, slug: string) => `PUB#${type}#${slug}`
/**
 * A deleted item in the bin (bin.ts): the item's record moved here whole, so lists (ITEM#…) no longer find it, with
 * `expiresAt` 30 days out, as every record that belongs to it gets in the same transaction.
 */
export const binPrefix = 'BIN#'
export const binSk = (id: string) => `${binPrefix}${id}`
export const revisionPrefix = (id: string) => `REV#${id}#`
export const revisionSk = (id: string, revision: number) => `REV#${id}#${String(revision).padStart(6, '0')}`
export const entrySk = (owner: string, id: string) => `ENTRY#${owner}#${id}`
/** Who follows an owner's item; kept apart from the item so following never changes the owner's version. */
export const followersSk = (id: string) => `FOLLOWERS#${id}`
/** The items an edition features on its home page (at most HOME_FEATURED). */
export const featuredSetSk = 'FEATURED'
/**
 * An outbox record of CDN paths a change made stale, written in the change's own transaction; the content table's
 * stream hands each new one to the invalidator function (invalidation-outbox.ts). A partition of its own each, so
 * they never share a hot key and a TTL removes them.
 */
export const invalidationPrefix = 'INVALIDATION#'
export const invalidationPk = (id: string) => `${invalidationPrefix}${id}`
export const invalidationSk = 'PATHS'
export const topicEntryPrefix = (topic: string) => `TOPIC#${topic}#`
export const topicEntrySk = (topic: string, type: ContentType, publishedAt: string, owner: string, id: string) =>
  `${topicEntryPrefix(topic)}${type}#${publishedAt}#${owner}#${id}`

export const editionTypePk = (edition: string, type: ContentType) => `EDITION#${edition}#${type}`
export const editionPk = (edition: string) => `EDITION#${edition}`
export const editionEventsPk = (edition: string) => `EDITION#${edition}#events`
export const newestSk = (publishedAt: string, owner: string, id: string) => `${publishedAt}#${owner}#${id}`
/** Featured entries sort before every date in an edition's newest-first feed ("~" follows the digits). */
export const featuredSk = (featuredAt: string, owner: string, id: string) => `~${featuredAt}#${owner}#${id}`

export const indexes = {
  byEditionType: { name: 'byEditionType', pk: 'GSI1PK', sk: 'GSI1SK' },
  byEdition: { name: 'byEdition', pk: 'GSI2PK', sk: 'GSI2SK' },
  eventsByStart: { name: 'eventsByStart', pk: 'GSI3PK', sk: 'GSI3SK' },
} as const
/** One count record per edition and type; see counts.ts. */
export const statsPrefix = 'STATS#'
export const statsSk = (type: ContentType) => `${statsPrefix}${type}`

/** Count attributes on a STATS record: the type's total, per topic and per audience. */
export const countName = (facet?: { topic?: string; audience?: string }) =>
  facet?.topic ? `tema:${facet.topic}` : facet?.audience ? `aud:${facet.audience}` : 'n'

/**
 * Who has an item open in the workspace (presence.ts): one record per (item, editor) under the item's prefix, so one
 * bounded Query finds them. Short-lived: each heartbeat moves `expiresAt` a few minutes out.
 */
export const presencePrefix = (id: string) => `PRESENCE#${id}#`
export const presenceSk = (id: string, username: string) => `${presencePrefix(id)}${username}`
/** An editor's unsaved form for an item (autosave.ts): one per (item, editor), read by that editor only. */
export const autosaveSk = (id: string, username: string) => `AUTOSAVE#${id}#${username}`
