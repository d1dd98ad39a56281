import type { ContentType } from '../content/vocabulary.ts'

/**
 * Key layout of a built course's records (docs/courses.md), all in the owner's `TENANT#{t}` partition beside
 * the course item. Only this capability builds these keys. Lesson numbers are zero-padded so a Query returns
 * them in order.
 */
export { tenantPk } from '../shared/keys.ts'

const number = (n: number) => String(n).padStart(3, '0')

/** The working outline (modules, lesson titles and numbers), with its own version. */
export const outlineSk = (courseId: string) => `COURSE#${courseId}`
/** One lesson's working copy. */
export const lessonPrefix = (courseId: string) => `LESSON#${courseId}#`
export const lessonSk = (courseId: string, n: number) => `${lessonPrefix(courseId)}${number(n)}`
/** One lesson as readers see it: written only by the course's publish, removed by its withdraw. */
export const publishedLessonPrefix = (courseId: string) => `PUBLESSON#${courseId}#`
export const publishedLessonSk = (courseId: string, n: number) => `${publishedLessonPrefix(courseId)}${number(n)}`

/**
 * The name lessons' media-use records go under (media/usage.ts keys them by an item id): apart from the course
 * item's own, so saving the item never drops a use its lessons still have.
 */
export const lessonsUser = (courseId: string) => `${courseId}-leksjoner`

/**
 * Course statistics live in the counters table, each course's counts spread over shard partitions
 * `COURSESTAT#{tenant}#{courseId}#{shard}` (course-stats.ts). The exams function may write no other partition there
 * (infra/stacks/grants.ts grantCourseStats).
 */
export const courseStatPrefix = 'COURSESTAT#'
export const courseStatPk = (tenant: string, courseId: string, shard: number) => `${courseStatPrefix}${tenant}#${courseId}#${shard}`
export const courseStatSk = (month: string) => `MONTH#${month}`

/** The type a course is. */
export const courseType: ContentType = 'e-kurs'
