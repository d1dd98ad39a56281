import type { ContentType } from './schema.ts'

/** Key layout of content records; see docs/data-model.md. Only this capability builds these keys. */
export const tenantPk = (tenant: string) => `TENANT#${tenant}`
export const itemSk = (id: string) => `ITEM#${id}`
export const slugSk = (type: ContentType, slug: string) => `SLUG#${type}#${slug}`
export const publishedSk = (type: ContentType, slug: string) => `PUB#${type}#${slug}`
export const revisionSk = (id: string, revision: number) => `REV#${id}#${String(revision).padStart(6, '0')}`
export const entrySk = (owner: string, id: string) => `ENTRY#${owner}#${id}`
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
export const statsSk = 'STATS'

/** Counter attribute names on an edition's STATS record: per type, per type and topic, per type and audience. */
export const countName = (type: ContentType, facet?: { topic?: string; audience?: string }) =>
  facet?.topic ? `n:${type}:tema:${facet.topic}` : facet?.audience ? `n:${type}:aud:${facet.audience}` : `n:${type}`
