import type { ContentCard } from '../../../functions/content/schema.ts'
import { contentTypes } from '../../../functions/content/vocabulary.ts'
import type { Topic } from '../../../functions/tenants/schema.ts'
import { CardList } from '../components/cards.tsx'
import { RichText } from '../components/rich-text.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t, typeText } from '../text.ts'

export function TopicIndexPage({ ctx }: { ctx: PageContext }) {
  return (
    <Document ctx={ctx} meta={{ title: t.topics, description: `Alle fagtema i ${ctx.edition.name}.` }}>
      <h1>{t.topics}</h1>
      <ul class="topic-grid">
        {ctx.catalog.topics.map((topic) => (
          <li>
            <h2>
              <a href={paths.topic(ctx.edition.id, topic.slug)}>{topic.name}</a>
            </h2>
            <p>{topic.summary}</p>
          </li>
        ))}
      </ul>
    </Document>
  )
}

export function TopicPage(props: { ctx: PageContext; topic: Topic; cards: ContentCard[] }) {
  const { ctx, topic } = props
  const groups = contentTypes
    .map((type) => ({ type, cards: props.cards.filter((card) => card.type === type) }))
    .filter((group) => group.cards.length > 0)
  return (
    <Document
      ctx={ctx}
      meta={{
        title: topic.name,
        description: topic.summary,
        jsonLd: { '@context': 'https://schema.org', '@type': 'CollectionPage', name: topic.name, description: topic.summary, inLanguage: 'nb' },
      }}
    >
      <p class="eyebrow">
        <a href={paths.topics(ctx.edition.id)}>{t.topics}</a>
      </p>
      <h1>{topic.name}</h1>
      <p class="lead">{topic.summary}</p>
      <RichText doc={topic.intro} />
      {groups.length === 0 && <p>{t.nothingHere}</p>}
      {groups.map((group) => (
        <section aria-labelledby={`gruppe-${group.type}`}>
          <h2 id={`gruppe-${group.type}`}>{typeText[group.type].many}</h2>
          <CardList cards={group.cards} catalog={ctx.catalog} editionId={ctx.edition.id} />
        </section>
      ))}
    </Document>
  )
}
