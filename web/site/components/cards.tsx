import type { ContentCard } from '../../../functions/content/schema.ts'
import type { Catalog } from '../../../functions/tenants/catalog.ts'
import { formatDate, formatDuration, formatEventTime } from '../format.ts'
import { paths } from '../paths.ts'
import { t, typeText } from '../text.ts'
import { cardSizes, Picture } from './picture.tsx'

/** One line of facts under a card title: type, length or time, and where it comes from. */
export function CardFacts({ card, catalog, editionId }: { card: ContentCard; catalog: Catalog; editionId: string }) {
  const facts: string[] = [typeText[card.type].one]
  if (card.startsAt && card.endsAt) facts.push(formatEventTime(card.startsAt, card.endsAt))
  else if (card.durationMinutes) facts.push(t.minutes(card.durationMinutes))
  else if (card.durationSeconds) facts.push(formatDuration(card.durationSeconds))
  else if (card.episodeCount !== undefined) facts.push(t.episodeCount(card.episodeCount))
  else facts.push(formatDate(card.publishedAt))
  const owner = catalog.tenant(card.tenant)
  if (owner && card.tenant !== editionId) facts.push(t.sharedFrom(owner.name))
  return <p class="card-facts">{facts.join(' · ')}</p>
}

/**
 * `firstImage`: this list holds the page's first picture (the first card with one), so it is not lazy and
 * is fetched at high priority (components/picture.tsx).
 */
export function CardList(props: { cards: ContentCard[]; catalog: Catalog; editionId: string; headingLevel?: 2 | 3; firstImage?: boolean }) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  if (props.cards.length === 0) return <p>{t.nothingHere}</p>
  const first = props.firstImage ? props.cards.find((card) => card.image) : undefined
  return (
    <ul class="cards">
      {props.cards.map((card) => (
        <li class="card">
          {/* Decorative here: the card's title says what it is, and a screen reader hears it once. */}
          {card.image && <Picture image={card.image} alt="" sizes={cardSizes} first={card === first} />}
          <Heading class="card-title">
            <a href={paths.itemIn(card, props.editionId)}>{card.title}</a>
          </Heading>
          <CardFacts card={card} catalog={props.catalog} editionId={props.editionId} />
          <p class="card-summary">{card.summary}</p>
        </li>
      ))}
    </ul>
  )
}
