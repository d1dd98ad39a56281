import { isMediaPath } from '../../../functions/media/paths.ts'
import { lessonsOf, type LessonMedia, type PublishedLesson } from '../../../functions/courses/model.ts'
import { AudioPlayer } from '../components/audio-player.tsx'
import { heroSizes, Picture } from '../components/picture.tsx'
import { RichText } from '../components/rich-text.tsx'
import { formatFileSize } from '../format.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'
import { progressAction } from '../../../functions/courses/exam-paths.ts'
import type { PracticeAnswers } from '../../../functions/courses/practice.ts'
import { CourseOutline, lessonPath } from './course-outline.tsx'
import { CoursePractice } from './course-practice.tsx'
import type { PublishedCourse } from './course-page.tsx'
import { courseText } from './course-text.ts'
import { offlineCourseSave, offlineSave, ReaderActions } from '../components/reader-actions.tsx'

/**
 * A film or podcast of the lesson: an uploaded file plays here in the site's players (a film with its captions,
 * a podcast in the audio player the `player` island enhances); an item on the site is a link to its page.
 */
function LessonMediaView({ media }: { media: LessonMedia }) {
  const label = media.kind === 'film' ? courseText.watch(media.title) : courseText.listen(media.title)
  if (!isMediaPath(media.src))
    return (
      <p>
        <a href={media.src}>{label}</a>
      </p>
    )
  return (
    <figure>
      {media.kind === 'film' ? (
        <video class="player" controls preload="metadata" src={media.src}>
          {media.captions && <track kind="captions" srcLang="nb" label={t.captionsLabel} src={media.captions} default />}
        </video>
      ) : (
        <AudioPlayer src={media.src} title={media.title} id={media.src} preload="none" />
      )}
      <figcaption>{media.title}</figcaption>
    </figure>
  )
}

/**
 * `/{tenant}/e-kurs/{slug}/leksjon/{n}`: one lesson, its place in the course, previous and next (on the last
 * lesson the exam when the course has one), and the table of contents. Readable without JavaScript; the
 * progress island records the visit and marks finished lessons.
 */
/** Progress always; the audio player's island only where an uploaded podcast plays. */
const lessonIslands = (lesson: PublishedLesson) => [
  ...(lesson.media?.kind === 'podkast' && isMediaPath(lesson.media.src) ? ['course-progress', 'player'] : ['course-progress']),
  // Saving the lesson or the whole course for use without a network (issue 14).
  'offline-save',
]

export function CourseLessonPage(props: { ctx: PageContext; course: PublishedCourse; lesson: PublishedLesson; answers?: PracticeAnswers }) {
  const { ctx, course, lesson } = props
  const coursePath = paths.item(course)
  const all = lessonsOf(lesson.outline)
  const total = all.length
  const previous = all.find((entry) => entry.n === lesson.n - 1)
  const next = all.find((entry) => entry.n === lesson.n + 1)
  return (
    <Document
      ctx={ctx}
      meta={{ title: `${lesson.title} – ${course.title}`, description: course.summary, canonical: lessonPath(coursePath, lesson.n), islands: lessonIslands(lesson) }}
    >
      <article
        class="item lesson"
        data-course={coursePath}
        data-title={course.title}
        data-total={total}
        data-lesson={lesson.n}
        data-label-done="fullført"
        data-label-resume={courseText.resume}
        data-beacon={progressAction(course)}
      >
        <p class="eyebrow">
          <a href={coursePath}>{course.title}</a>
        </p>
        <h1>{lesson.title}</h1>
        <p class="provenance">
          {courseText.lessonOf(lesson.n, total)} · {courseText.module}: {lesson.moduleTitle}
        </p>
        <ReaderActions
          saves={[
            offlineSave(lessonPath(coursePath, lesson.n), `${lesson.title} – ${course.title}`),
            offlineCourseSave(coursePath, course.title, [coursePath, ...all.map((entry) => lessonPath(coursePath, entry.n))]),
          ]}
        />
        {lesson.image && <Picture class="hero" image={lesson.image} sizes={heroSizes} first />}
        <RichText doc={lesson.body} />
        {lesson.media && <LessonMediaView media={lesson.media} />}
        {lesson.pdf && (
          <p>
            <a href={lesson.pdf.src} download>
              {courseText.download(lesson.pdf.title, lesson.pdf.bytes ? formatFileSize(lesson.pdf.bytes) : undefined)}
            </a>
          </p>
        )}
        {lesson.practice?.length ? (
          <CoursePractice course={course} lessonUrl={lessonPath(coursePath, lesson.n)} n={lesson.n} questions={lesson.practice} answers={props.answers} />
        ) : null}
        {!next && <p>{courseText.finished}</p>}
        <nav class="pager lesson-pager" aria-label={courseText.lessonNav}>
          {previous && (
            <a href={lessonPath(coursePath, previous.n)} rel="prev">
              {courseText.previous}: {previous.title}
            </a>
          )}
          {next ? (
            <a href={lessonPath(coursePath, next.n)} rel="next" data-finish>
              {courseText.next}: {next.title}
            </a>
          ) : course.hasExam ? (
            <a class="button" href={`${coursePath}/eksamen`} data-finish>
              {courseText.toExam}
            </a>
          ) : (
            <a href={coursePath} data-finish>
              {courseText.backToCourse}
            </a>
          )}
        </nav>
        <CourseOutline outline={lesson.outline} coursePath={coursePath} current={lesson.n} headingLevel={2} />
      </article>
    </Document>
  )
}
