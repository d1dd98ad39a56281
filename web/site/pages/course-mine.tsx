import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { courseText } from './course-text.ts'
import { mineText } from './mine-text.ts'

/**
 * `/mine-kurs`: the courses a reader has started, from this browser's own storage. The server knows nothing of
 * them, so it sends a shell that says so; the progress island fills the list.
 */
export function MyCoursesPage({ ctx }: { ctx: PageContext }) {
  return (
    <Document ctx={ctx} meta={{ title: courseText.mine, description: courseText.mineIntro, noindex: true, islands: ['course-progress'] }}>
      <h1>{courseText.mine}</h1>
      <p class="lead">{courseText.mineIntro}</p>
      <div data-mine data-label-done="leksjoner fullført" data-label-empty={courseText.mineEmpty} aria-live="polite">
        <p class="notice">{courseText.mineNeedsJs}</p>
      </div>
      <p>
        <a href={paths.listing(ctx.edition.id, 'e-kurs')}>{courseText.findCourses}</a>
      </p>
      <p>
        <a href={paths.mine}>{mineText.title}</a>
      </p>
    </Document>
  )
}
