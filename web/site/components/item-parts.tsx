import type { PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'

/** The item's topics that the catalog knows, in the item's order. */
export const topicsOf = (topics: string[], ctx: PageContext) => topics.map((slug) => ctx.catalog.topic(slug)).filter((topic) => topic !== undefined)

/** Links to the item's topic pages in the reader's edition: the content of a "Fagtema" fact. */
export function TopicLinks({ topics, ctx }: { topics: ReturnType<typeof topicsOf>; ctx: PageContext }) {
  return (
    <ul class="inline-list">
      {topics.map((topic) => (
        <li>
          <a href={paths.topic(ctx.edition.id, topic.slug)}>{topic.name}</a>
        </li>
      ))}
    </ul>
  )
}

/** A course's learning goals, as a section of their own. */
export function LearningGoals({ goals }: { goals: string[] }) {
  if (goals.length === 0) return null
  return (
    <section aria-labelledby="laeringsmal">
      <h2 id="laeringsmal">{t.learningGoals}</h2>
      <ul>
        {goals.map((goal) => (
          <li>{goal}</li>
        ))}
      </ul>
    </section>
  )
}
