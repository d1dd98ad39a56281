import type { ComponentChildren } from 'preact'
import type { ContentCard } from '../../../functions/content/schema.ts'
import { audiences, type Audience, type ContentType } from '../../../functions/content/vocabulary.ts'
import { CardList } from '../components/cards.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { audienceText, t, typeText } from '../text.ts'

/** Query parameters of a listing; plain links and a GET form, so filtering and paging work without JavaScript. */
export const listingParams = { cursor: 'fra', topic: 'tema', audience: 'malgruppe' } as const

export interface ListingFilters {
  topic?: string
  audience?: Audience
}

export function listingHref(base: string, filters: ListingFilters, cursor?: string) {
  const query = new URLSearchParams()
  if (filters.topic) query.set(listingParams.topic, filters.topic)
  if (filters.audience) query.set(listingParams.audience, filters.audience)
  if (cursor) query.set(listingParams.cursor, cursor)
  const search = query.toString()
  return search ? `${base}?${search}` : base
}

export function ListingPage(props: {
  ctx: PageContext
  type: ContentType
  filters: ListingFilters
  cards: ContentCard[]
  /** Known for the unfiltered list and single filters; unknown for combined filters. */
  count?: number
  nextCursor?: string
  isFirstPage: boolean
  /** What a type shows above its cards (events: what is coming, by month, and the calendar to subscribe to). */
  before?: ComponentChildren
  /** A heading over the cards when `before` shows something else first. */
  cardsHeading?: string
}) {
  const { ctx, type, filters } = props
  const base = paths.listing(ctx.edition.id, type)
  const filtered = Boolean(filters.topic || filters.audience)
  const topicName = filters.topic ? ctx.catalog.topic(filters.topic)?.name : undefined
  const heading = topicName ? `${typeText[type].many} om ${topicName.toLowerCase()}` : typeText[type].many
  return (
    <Document
      ctx={ctx}
      meta={{
        title: heading,
        description: `${typeText[type].intro} ${ctx.edition.name}.`,
        canonical: props.isFirstPage && !filtered ? base : undefined,
        noindex: !props.isFirstPage || filtered,
      }}
    >
      <h1>{heading}</h1>
      <p class="lead">{typeText[type].intro}</p>
      <form class="filters" method="get" action={base}>
        <div>
          <label for="tema">{t.topics}</label>
          <select id="tema" name={listingParams.topic}>
            <option value="">{t.allTopics}</option>
            {ctx.catalog.topics.map((topic) => (
              <option value={topic.slug} selected={topic.slug === filters.topic}>
                {topic.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="malgruppe">{t.targetGroup}</label>
          <select id="malgruppe" name={listingParams.audience}>
            <option value="">{t.allAudiences}</option>
            {audiences.map((audience) => (
              <option value={audience} selected={audience === filters.audience}>
                {audienceText[audience]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t.showResults}
        </button>
      </form>
      {props.count !== undefined && (
        <p class="result-count" role="status">
          {t.itemsCount(props.count)}
        </p>
      )}
      {props.before}
      {props.cardsHeading && <h2 id="liste">{props.cardsHeading}</h2>}
      <CardList cards={props.cards} catalog={ctx.catalog} editionId={ctx.edition.id} headingLevel={props.cardsHeading ? 3 : 2} firstImage={!props.before} />
      <nav class="pager" aria-label={t.pages}>
        {!props.isFirstPage && <a href={listingHref(base, filters)}>{t.firstPage}</a>}
        {props.nextCursor && (
          <a href={listingHref(base, filters, props.nextCursor)} rel="next">
            {t.nextPage}
          </a>
        )}
      </nav>
    </Document>
  )
}
