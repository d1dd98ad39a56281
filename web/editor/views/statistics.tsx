import { useEffect, useState } from 'preact/hooks'
import type { Report } from '../../../functions/analytics/report.ts'
import { typeText } from '../../site/text.ts'
import { nationalStatistics } from '../api/endpoints.ts'
import { Alert, describeError, Loading, PageTitle } from '../components/common.tsx'
import { StatsTable } from '../components/stats-table.tsx'
import { useWorkspace } from '../context.ts'
import { TrendChart } from './statistics-chart.tsx'
import { statisticsText as text } from './statistics-text.ts'

type National = Awaited<ReturnType<typeof nationalStatistics>>
type Period = { from: string; to: string }

/** The last 30 days in Norway, as the API's default. */
function lastMonth(): Period {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date())
  return { from: new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10), to: today }
}

/**
 * `/redaktor/{tenant}/statistikk` (issue 15): an edition's page views and downloads over a chosen period: the totals,
 * a trend chart with the same figures as a table, the most seen and heard, and a CSV download. Administrators see
 * every edition's totals and the national sum too. The API keeps another region's editors out (tenant guard).
 */
export function StatisticsView() {
  const workspace = useWorkspace()
  const [period, setPeriod] = useState<Period>(lastMonth)
  const [report, setReport] = useState<Report>()
  const [national, setNational] = useState<National>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    setProblem(undefined)
    Promise.all([workspace.tenantApi.statistics(period), workspace.me.isAdmin ? nationalStatistics(workspace.api, period) : undefined])
      .then(([next, all]) => (setReport(next), setNational(all)))
      .catch((error) => setProblem(describeError(error)))
  }, [workspace.tenant.id, period.from, period.to])

  const choose = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setPeriod({ from: String(form.get('from')), to: String(form.get('to')) })
  }
  // The CSV needs the editor's token, so it is fetched and handed to the browser as a file (with the BOM Excel wants,
  // which reading it as text drops).
  const download = () =>
    workspace.tenantApi
      .statisticsCsv(period)
      .then((csv) => {
        const link = document.createElement('a')
        link.href = URL.createObjectURL(new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }))
        link.download = `statistikk-${workspace.tenant.id}-${period.from}-${period.to}.csv`
        link.click()
        URL.revokeObjectURL(link.href)
      })
      .catch((error) => setProblem(describeError(error)))

  return (
    <>
      <PageTitle>{text.title(workspace.tenant.name)}</PageTitle>
      <p>{text.intro}</p>
      <form class="period-form" onSubmit={choose}>
        <fieldset>
          <legend>{text.period}</legend>
          <label for="stats-from">{text.from}</label>
          <input id="stats-from" name="from" type="date" required value={period.from} max={period.to} />
          <label for="stats-to">{text.to}</label>
          <input id="stats-to" name="to" type="date" required value={period.to} />
          <button type="submit">{text.show}</button>
        </fieldset>
      </form>
      {problem && <Alert>{problem}</Alert>}
      {!report ? (
        !problem && <Loading />
      ) : (
        <>
          <p class="stats-totals">{text.totals(report.totals.views, report.totals.downloads)}</p>
          <button type="button" onClick={download}>
            {text.download}
          </button>
          <h2>{text.trend}</h2>
          <TrendChart days={report.days} label={text.chartLabel(report.from, report.to)} legend={{ views: text.views, downloads: text.downloads }} />
          <DayTable id="stats-days" caption={text.dayTable} days={report.days} />
          <h2>{text.top}</h2>
          {report.top.length === 0 ? <p>{text.empty}</p> : <TopTable report={report} />}
        </>
      )}
      {national && (
        <>
          <h2>{text.national}</h2>
          <StatsTable id="stats-national" caption={text.nationalCaption} columns={[text.edition, text.views, text.downloads]}>
            {national.editions.map((row) => (
              <tr key={row.edition}>
                <th scope="row">{workspace.me.tenants.find((edition) => edition.id === row.edition)?.name ?? row.edition}</th>
                <td>{text.format(row.totals.views)}</td>
                <td>{text.format(row.totals.downloads)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{text.total}</th>
              <td>{text.format(national.national.totals.views)}</td>
              <td>{text.format(national.national.totals.downloads)}</td>
            </tr>
          </StatsTable>
          <DayTable id="stats-national-days" caption={`${text.national}: ${text.dayTable.toLowerCase()}`} days={national.national.days} />
        </>
      )}
      <p class="hint">{text.howCounted}</p>
    </>
  )
}

function DayTable(props: { id: string; caption: string; days: Report['days'] }) {
  return (
    <StatsTable id={props.id} caption={props.caption} columns={[text.day, text.views, text.downloads]}>
      {props.days.map((day) => (
        <tr key={day.day}>
          <th scope="row">{text.dayName(day.day)}</th>
          <td>{text.format(day.views)}</td>
          <td>{text.format(day.downloads)}</td>
        </tr>
      ))}
    </StatsTable>
  )
}

function TopTable({ report }: { report: Report }) {
  return (
    <StatsTable id="stats-top" caption={text.topCaption} columns={[text.titleColumn, text.type, text.owner, text.views, text.downloads]}>
      {report.top.map((subject) => (
        <tr key={`${subject.kind}-${subject.owner}-${subject.id}`}>
          <th scope="row">{subject.path ? <a href={subject.path}>{subject.title}</a> : subject.title}</th>
          <td>{text.kind(subject.kind, typeText[subject.kind as keyof typeof typeText]?.one)}</td>
          <td>{subject.owner}</td>
          <td>{text.format(subject.views)}</td>
          <td>{text.format(subject.downloads)}</td>
        </tr>
      ))}
    </StatsTable>
  )
}
