import type { ContentCard } from '../../../functions/content/schema.ts'
import { CardList } from '../components/cards.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'

export function HomePage(props: { ctx: PageContext; featured: ContentCard[]; newest: ContentCard[]; events: ContentCard[] }) {
  const { ctx } = props
  const { edition, catalog } = ctx
  return (
    <Document
      ctx={ctx}
      meta={{
        title: edition.name,
        description: edition.description,
        jsonLd: { '@context': 'https://schema.org', '@type': 'WebSite', name: edition.name, url: new URL(paths.home(edition.id), ctx.origin).href, inLanguage: 'nb' },
      }}
    >
      <div class="intro">
        <h1>{edition.name}</h1>
        <p class="lead">{edition.description}</p>
      </div>
      {props.featured.length > 0 && (
        <section aria-labelledby="anbefalt" class="featured">
          <h2 id="anbefalt">{t.featured}</h2>
          <CardList cards={props.featured} catalog={catalog} editionId={edition.id} firstImage />
        </section>
      )}
      <section aria-labelledby="nytt">
        <h2 id="nytt">{t.newest}</h2>
        <CardList cards={props.newest} catalog={catalog} editionId={edition.id} firstImage={!props.featured.some((card) => card.image)} />
      </section>
      <section aria-labelledby="arrangementer">
        <h2 id="arrangementer">{t.upcomingEvents}</h2>
        {props.events.length ? (
          <CardList cards={props.events} catalog={catalog} editionId={edition.id} />
        ) : (
          <p>{t.noUpcomingEvents}</p>
        )}
        <p>
          <a href={paths.listing(edition.id, 'arrangementer')}>{t.seeAll('arrangementer')}</a>
        </p>
      </section>
      <section aria-labelledby="fagtema">
        <h2 id="fagtema">{t.topics}</h2>
        <ul class="topic-list">
          {catalog.topics.map((topic) => (
            <li>
              <a href={paths.topic(edition.id, topic.slug)}>{topic.name}</a>
            </li>
          ))}
        </ul>
      </section>
    </Document>
  )
}
