import { lessonPath } from '../../../functions/courses/exam-paths.ts'
import type { Outline } from '../../../functions/courses/model.ts'
import { courseText } from './course-text.ts'

export { lessonPath } from '../../../functions/courses/exam-paths.ts'

/**
 * The course's table of contents: modules and their numbered lessons, the current one marked for screen readers
 * (aria-current). Each link carries its number, so the progress island can mark finished lessons.
 */
export function CourseOutline(props: { outline: Outline; coursePath: string; current?: number; headingLevel: 2 | 3 }) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  const Module = props.headingLevel === 2 ? 'h3' : 'h4'
  return (
    <nav class="course-outline" aria-labelledby="kursinnhold">
      <Heading id="kursinnhold">{courseText.contents}</Heading>
      {props.outline.modules.map((module) => (
        <>
          <Module>{module.title}</Module>
          <ol>
            {module.lessons.map((lesson) => (
              <li value={lesson.n}>
                <a href={lessonPath(props.coursePath, lesson.n)} data-n={lesson.n} aria-current={lesson.n === props.current ? 'page' : undefined}>
                  {lesson.title}
                </a>
              </li>
            ))}
          </ol>
        </>
      ))}
    </nav>
  )
}
