import type { ContentCard } from '../../../functions/content/schema.ts'
import type { FacetName, SearchAnswer, SearchFilters } from '../../../functions/search/results.ts'
import type { TextPart } from '../../../functions/search/highlight.ts'
import { CardFacts, CardList } from '../components/cards.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { audienceText, typeText } from '../text.ts'
import { searchText } from './search-text.ts'

/** Query parameters of the search page: a plain GET form and links, so searching and filtering work without JavaScript. */
export const searchParams = { q: 'q', type: 'type', topic: 'tema', audience: 'malgruppe', publisher: 'redaksjon', cursor: 'fra' } as const

export function searchHref(base: string, q: string, filters: SearchFilters, cursor?: string) {
  const query = new URLSearchParams({ [searchParams.q]: q })
  for (const facet of ['type', 'topic', 'audience', 'publisher'] as const) if (filters[facet]) query.set(searchParams[facet], filters[facet]!)
  if (cursor) query.set(searchParams.cursor, cursor)
  return `${base}?${query}`
}

/** Text with the words the query found in `<mark>`; Preact escapes every part. */
const Marked = ({ parts }: { parts: TextPart[] }) => <>{parts.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</>

function Facet(props: { ctx: PageContext; base: string; q: string; filters: SearchFilters; facet: FacetName; heading: string; counts: Record<string, number>; label: (value: string) => string }) {
  const { facet, filters } = props
  const values = Object.entries(props.counts).sort((a, b) => b[1] - a[1] || props.label(a[0]).localeCompare(props.label(b[0]), 'nb'))
  if (!values.length) return null
  const without = { ...filters, [facet]: undefined }
  return (
    <div class="facet">
      <h3>{props.heading}</h3>
      <ul>
        <li>
          <a href={searchHref(props.base, props.q, without)} aria-current={filters[facet] ? undefined : 'true'}>
            {searchText.allOf}
          </a>
        </li>
        {values.map(([value, count]) => (
          <li>
            <a href={searchHref(props.base, props.q, { ...filters, [facet]: value })} aria-current={filters[facet] === value ? 'true' : undefined}>
              {searchText.filterCount(props.label(value), count)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function SearchPage(props: {
  ctx: PageContext
  q: string
  filters: SearchFilters
  answer?: SearchAnswer
  /** The newest items, offered when nothing was found. */
  latest: ContentCard[]
  isFirstPage: boolean
}) {
  const { ctx, q, filters, answer } = props
  const base = paths.search(ctx.edition.id)
  const filtered = Object.values(filters).some(Boolean)
  const { catalog } = ctx
  return (
    <Document ctx={ctx} meta={{ title: q ? searchText.titleFor(q) : searchText.title, description: searchText.description, canonical: base, noindex: true }}>
      <h1>{searchText.heading(ctx.edition.name)}</h1>
      <form class="search-form" role="search" aria-label={searchText.heading(ctx.edition.name)} method="get" action={base}>
        <label for="sok-side">{searchText.fieldLabel}</label>
        <div class="search-row">
          <input id="sok-side" type="search" name={searchParams.q} value={q} maxLength={200} />
          <button type="submit" class="button">
            {searchText.submit}
          </button>
        </div>
      </form>
      {!answer && <p class="lead">{searchText.emptyIntro}</p>}
      {answer && (
        <>
          <p class="result-count" role="status">
            {answer.total ? searchText.hits(answer.total, q) : searchText.noHits(q)}
          </p>
          {answer.correction && (
            <p class="did-you-mean">
              {searchText.didYouMean} <a href={searchHref(base, answer.correction, filters)}>{answer.correction}</a>?
            </p>
          )}
          {answer.total > 0 || filtered ? (
            <div class="search-layout">
              <section class="facets" aria-labelledby="avgrens">
                <h2 id="avgrens">{searchText.filters}</h2>
                <Facet {...{ ctx, base, q, filters }} facet="type" heading={searchText.facetType} counts={answer.facets.type} label={(value) => typeText[value as keyof typeof typeText]?.many ?? value} />
                <Facet {...{ ctx, base, q, filters }} facet="topic" heading={searchText.facetTopic} counts={answer.facets.topic} label={(value) => catalog.topic(value)?.name ?? value} />
                <Facet {...{ ctx, base, q, filters }} facet="audience" heading={searchText.facetAudience} counts={answer.facets.audience} label={(value) => audienceText[value as keyof typeof audienceText] ?? value} />
                <Facet {...{ ctx, base, q, filters }} facet="publisher" heading={searchText.facetPublisher} counts={answer.facets.publisher} label={(value) => catalog.tenant(value)?.name ?? value} />
                {filtered && <a href={searchHref(base, q, {})}>{searchText.removeFilters}</a>}
              </section>
              <div class="results">
                <ol class="result-list">
                  {answer.items.map((hit) => (
                    <li class="card">
                      <h2 class="card-title">
                        <a href={paths.itemIn(hit.card, ctx.edition.id)}>
                          <Marked parts={hit.title} />
                        </a>
                      </h2>
                      <CardFacts card={hit.card} catalog={catalog} editionId={ctx.edition.id} />
                      <p class="card-summary">{hit.snippet ? <Marked parts={hit.snippet} /> : hit.card.summary}</p>
                    </li>
                  ))}
                </ol>
                <nav class="pager" aria-label={searchText.pages}>
                  {!props.isFirstPage && <a href={searchHref(base, q, filters)}>{searchText.firstPage}</a>}
                  {answer.nextCursor && (
                    <a href={searchHref(base, q, filters, answer.nextCursor)} rel="next">
                      {searchText.nextPage}
                    </a>
                  )}
                </nav>
              </div>
            </div>
          ) : (
            <NothingFound ctx={ctx} latest={props.latest} />
          )}
        </>
      )}
    </Document>
  )
}

/** A search that found nothing still leads somewhere: advice, every topic, and what is new. */
function NothingFound({ ctx, latest }: { ctx: PageContext; latest: ContentCard[] }) {
  return (
    <>
      <p>{searchText.noHitsHelp}</p>
      <h2>{searchText.browseTopics}</h2>
      <ul class="topic-list">
        {ctx.catalog.topics.map((topic) => (
          <li>
            <a href={paths.topic(ctx.edition.id, topic.slug)}>{topic.name}</a>
          </li>
        ))}
      </ul>
      <h2>{searchText.latest}</h2>
      <CardList cards={latest} catalog={ctx.catalog} editionId={ctx.edition.id} headingLevel={3} />
    </>
  )
}
