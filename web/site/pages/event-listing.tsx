import type { ContentCard } from '../../../functions/content/schema.ts'
import { editionCalendarPath, webcalUrl } from '../../../functions/events/calendar-paths.ts'
import { CardList } from '../components/cards.tsx'
import type { PageContext } from '../layout.tsx'
import { absoluteUrl } from '../origin.ts'
import { calendarText as c } from './event-calendar-text.ts'

// The events listing's own parts (issue 13): what is coming, month by month, and the calendar to subscribe to.

const monthKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' })
const monthName = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', month: 'long', year: 'numeric' })

/** Cards grouped by the month they start in, in Norway (an event at 00:30 on 1 March Oslo time is March's). */
export function byMonth(cards: ContentCard[]): Array<{ key: string; name: string; cards: ContentCard[] }> {
  const months = new Map<string, { key: string; name: string; cards: ContentCard[] }>()
  for (const card of cards) {
    if (!card.startsAt) continue
    const start = new Date(card.startsAt)
    const key = monthKey.format(start)
    const month = months.get(key) ?? { key, name: monthName.format(start), cards: [] }
    month.cards.push(card)
    months.set(key, month)
  }
  return [...months.values()]
}

/** Months are the page's second level (h2), their events the third, so a screen reader can jump month by month. */
export function UpcomingByMonth(props: { ctx: PageContext; cards: ContentCard[]; label: string; empty: string }) {
  const months = byMonth(props.cards)
  return (
    <section aria-label={props.label} class="event-months">
      {months.length === 0 && <p>{props.empty}</p>}
      {months.map((month) => (
        <section aria-labelledby={`maned-${month.key}`} class="event-month">
          <h2 id={`maned-${month.key}`} class="event-month-name">
            {month.name}
          </h2>
          <CardList cards={month.cards} catalog={props.ctx.catalog} editionId={props.ctx.edition.id} headingLevel={3} firstImage={month === months[0]} />
        </section>
      ))}
    </section>
  )
}

/**
 * `webcal:` makes Apple's and Outlook's calendar apps subscribe; Google Calendar and Outlook on the web take the https
 * address pasted as a calendar "from URL", so it is shown too, as text that can be selected and copied.
 */
export function CalendarSubscribe(props: { ctx: PageContext; topic?: { slug: string; name: string } }) {
  const { ctx, topic } = props
  const https = absoluteUrl(ctx.origin, editionCalendarPath(ctx.edition.id, topic?.slug))
  return (
    <section aria-labelledby="abonner" class="calendar-subscribe">
      <h2 id="abonner">{c.subscribeHeading}</h2>
      <p>
        <a class="button" href={webcalUrl(https)}>
          {topic ? c.subscribeTopic(topic.name) : c.subscribe(ctx.edition.name)}
        </a>
      </p>
      <p>{c.subscribeHint}</p>
      <p>
        {c.feedAddress}: <a href={https}>{https}</a>
      </p>
    </section>
  )
}
