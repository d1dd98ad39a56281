import type { ContentOf, PublishedItem } from '../../../functions/content/schema.ts'
import type { Outline } from '../../../functions/courses/model.ts'
import type { Tenant } from '../../../functions/tenants/schema.ts'
import { heroSizes, Picture } from '../components/picture.tsx'
import { LearningGoals, TopicLinks, topicsOf } from '../components/item-parts.tsx'
import { RichText } from '../components/rich-text.tsx'
import { formatDate } from '../format.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { itemJsonLd } from '../structured-data.ts'
import { audienceText, t, typeText } from '../text.ts'
import { CourseOutline, lessonPath } from './course-outline.tsx'
import { courseText } from './course-text.ts'
import { ScormStart } from './scorm-pages.tsx'
import { offlineCourseSave, ReaderActions } from '../components/reader-actions.tsx'
import { lessonsOf } from '../../../functions/courses/model.ts'

export type PublishedCourse = ContentOf<'e-kurs'> & PublishedItem

/** The host a reader is sent to, named so they know they leave the site before they click. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Facts every course shows: duration, provider, audiences, learning goals and when it was last revised. */
export function CourseFacts({ item }: { item: PublishedCourse }) {
  return (
    <>
      <dl class="facts">
        <dt>{t.duration}</dt>
        <dd>{t.minutes(item.durationMinutes)}</dd>
        <dt>{t.provider}</dt>
        <dd>{item.provider}</dd>
        {item.audiences.length > 0 && (
          <>
            <dt>{t.targetGroup}</dt>
            <dd>{item.audiences.map((audience) => audienceText[audience]).join(', ')}</dd>
          </>
        )}
        <dt>{courseText.revised}</dt>
        <dd>
          <time dateTime={item.revisedOn ?? item.updatedAt}>{formatDate(item.revisedOn ? `${item.revisedOn}T12:00:00Z` : item.updatedAt)}</time>
        </dd>
      </dl>
      <LearningGoals goals={item.learningGoals} />
    </>
  )
}

/**
 * `/{tenant}/e-kurs/{slug}`: a course. Built here: its outline and "Start kurset" (the progress island adds
 * "Fortsett der du slapp"). External: the link, saying in words that it leaves the site.
 */
export function CoursePage(props: { ctx: PageContext; item: PublishedCourse; owner: Tenant; outline?: Outline }) {
  const { ctx, item, owner, outline } = props
  const path = paths.item(item)
  const total = outline ? outline.modules.reduce((sum, module) => sum + module.lessons.length, 0) : 0
  const topics = topicsOf(item.topics, ctx)
  return (
    <Document
      ctx={ctx}
      meta={{
        title: item.title,
        description: item.summary,
        canonical: path,
        image: item.image,
        islands: [...(outline ? ['course-progress', 'offline-save'] : item.delivery === 'scorm' ? ['scorm'] : []), 'favourites-button'],
        jsonLd: itemJsonLd(item, owner, new URL(path, ctx.origin).href, ctx.origin),
      }}
    >
      <article class="item" data-course={outline ? path : undefined} data-title={item.title} data-total={total} data-label-done="fullført" data-label-resume={courseText.resume}>
        <p class="eyebrow">
          <a href={paths.listing(ctx.edition.id, 'e-kurs')}>{typeText['e-kurs'].one}</a>
        </p>
        <h1>{item.title}</h1>
        <p class="lead">{item.summary}</p>
        <p class="provenance">
          {item.sharedNationally && !owner.national ? t.sharedFrom(owner.name) : t.publishedBy(owner.name)} · {t.published}{' '}
          <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
        </p>
        <ReaderActions favourite={{ path, title: item.title }} saves={outline ? [offlineCourseSave(path, item.title, [path, ...lessonsOf(outline).map((lesson) => lessonPath(path, lesson.n))])] : []} />
        {item.image && <Picture class="hero" image={item.image} sizes={heroSizes} first />}
        {outline ? (
          <p class="course-actions">
            <a class="button" href={lessonPath(path, 1)}>
              {courseText.startCourse}
            </a>{' '}
            <a class="button" href={lessonPath(path, 1)} data-resume hidden>
              {courseText.resume}
            </a>
          </p>
        ) : item.delivery === 'scorm' ? (
          <ScormStart course={item} />
        ) : (
          item.courseUrl && (
            <div class="notice">
              <p>{courseText.externalNotice(hostOf(item.courseUrl))}</p>
              <p>
                <a class="button" href={item.courseUrl} rel="external noopener">
                  {courseText.externalLink} <span>{courseText.externalHint}</span>
                </a>
              </p>
            </div>
          )
        )}
        <CourseFacts item={item} />
        {item.hasExam && <p>{courseText.examNote}</p>}
        <RichText doc={item.body} />
        {outline && <CourseOutline outline={outline} coursePath={path} headingLevel={2} />}
        {topics.length > 0 && (
          <dl class="facts">
            <dt>{t.topicsOnItem}</dt>
            <dd>
              <TopicLinks topics={topics} ctx={ctx} />
            </dd>
          </dl>
        )}
      </article>
    </Document>
  )
}
