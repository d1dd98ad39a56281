import { useEffect, useState } from 'preact/hooks'
import type { CourseStatCounts, CourseStats } from '../../../functions/courses/course-stats.ts'
import type { StoredItem } from '../api/types.ts'
import { describeError, Link, Loading, PageTitle } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { courseStatsText as text } from './course-stats-text.ts'

/**
 * `/redaktor/{tenant}/elementer/{id}/statistikk`: a course's anonymous statistics as a table, a row per month and
 * the total (functions/courses/course-stats.ts). Only the course's own edition reaches it (the API's tenant guard).
 */
export function CourseStatsView({ id }: { id: string }) {
  const workspace = useWorkspace()
  const [course, setCourse] = useState<StoredItem>()
  const [stats, setStats] = useState<CourseStats>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    Promise.all([workspace.tenantApi.getItem(id), workspace.tenantApi.courseStats(id)])
      .then(([item, counts]) => (setCourse(item), setStats(counts)))
      .catch((error) => setProblem(describeError(error)))
  }, [id, workspace.tenant.id])

  if (!course || !stats) return problem ? <Refused view="stats">{problem}</Refused> : <Loading />
  const row = (counts: CourseStatCounts) => (
    <>
      <td>{counts.started}</td>
      <td>{counts.finished}</td>
      <td>{counts.attempts}</td>
      <td>{counts.passes}</td>
      <td>{text.rate(counts.passes, counts.attempts)}</td>
    </>
  )
  return (
    <>
      <PageTitle>{text.title(course.title)}</PageTitle>
      <p>
        <Link href={paths.item(workspace.tenant.id, id)}>{text.backToCourse}</Link>
        {course.type === 'e-kurs' && course.delivery === 'built' && (
          <>
            {' · '}
            <Link href={paths.lessons(workspace.tenant.id, id)}>{text.lessons}</Link>
          </>
        )}
      </p>
      <p>{text.intro}</p>
      {stats.months.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="stats-caption">
          <table class="stats-table">
            <caption id="stats-caption">{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.month}</th>
                <th scope="col">{text.started}</th>
                <th scope="col">{text.finished}</th>
                <th scope="col">{text.attempts}</th>
                <th scope="col">{text.passes}</th>
                <th scope="col">{text.passRate}</th>
              </tr>
            </thead>
            <tbody>
              {[...stats.months].reverse().map((month) => (
                <tr key={month.month}>
                  <th scope="row">{text.monthName(month.month)}</th>
                  {row(month)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{text.total}</th>
                {row(stats.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p class="hint">{text.howCounted}</p>
    </>
  )
}
