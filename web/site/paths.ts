import type { ContentCard, ContentType } from '../../functions/content/schema.ts'
import { NATIONAL_TENANT } from '../../functions/reader-services.ts'

/** URL builders: the national edition lives at the root, regional ones under their id. */
const prefix = (edition: string) => (edition === NATIONAL_TENANT ? '' : `/${edition}`)

export const paths = {
  home: (edition: string) => prefix(edition) || '/',
  listing: (edition: string, type: ContentType) => `${prefix(edition)}/${type}`,
  topics: (edition: string) => `${prefix(edition)}/fagtema`,
  topic: (edition: string, slug: string) => `${prefix(edition)}/fagtema/${slug}`,
  item: (card: Pick<ContentCard, 'tenant' | 'type' | 'slug'>) => `/${card.tenant}/${card.type}/${card.slug}`,
  /** An item linked from an edition: when it belongs to another tenant the reader stays in their edition. */
  itemIn: (card: Pick<ContentCard, 'tenant' | 'type' | 'slug'>, edition: string) =>
    `/${card.tenant}/${card.type}/${card.slug}${card.tenant === edition ? '' : `?omrade=${edition}`}`,
  accessibility: '/tilgjengelighet',
  chooseRegion: '/velg-omrade',
}
