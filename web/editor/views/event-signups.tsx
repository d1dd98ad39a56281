import { useEffect, useState } from 'preact/hooks'
import type { Participant, SignupList } from '../../../functions/events/model.ts'
import type { StoredItem } from '../api/types.ts'
import { describeError, Link, Loading, PageTitle } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { signupsText as text } from '../text/events.ts'

/**
 * `/redaktor/{tenant}/elementer/{id}/pameldinger`: an event's participants and waiting list for its organisers, the
 * CSV export and closing sign-up (functions/events/editor-routes.ts). Only the event's own edition reaches it.
 */
export function EventSignupsView({ id }: { id: string }) {
  const workspace = useWorkspace()
  const [event, setEvent] = useState<StoredItem>()
  const [list, setList] = useState<SignupList>()
  const [problem, setProblem] = useState<string>()
  const [status, setStatus] = useState('')
  useEffect(() => {
    Promise.all([workspace.tenantApi.getItem(id), workspace.tenantApi.signups(id)])
      .then(([item, signups]) => (setEvent(item), setList(signups)))
      .catch((error) => setProblem(describeError(error)))
  }, [id, workspace.tenant.id])

  if (!event || !list) return problem ? <Refused view="signups">{problem}</Refused> : <Loading />

  const toggle = () =>
    workspace.tenantApi
      .closeSignups(id, !list.seats.closed)
      .then((next) => (setList(next), setStatus(next.seats.closed ? text.closedNow : text.openNow)))
      .catch((error) => setProblem(describeError(error)))
  // The CSV needs the editor's token, so it is fetched and handed to the browser as a file.
  const download = () =>
    workspace.tenantApi
      .signupsCsv(id)
      .then((csv) => {
        const link = document.createElement('a')
        link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
        link.download = `pameldte-${event.slug}.csv`
        link.click()
        URL.revokeObjectURL(link.href)
      })
      .catch((error) => setProblem(describeError(error)))

  const table = (caption: string, idPrefix: string, rows: Participant[], waiting: boolean) =>
    rows.length === 0 ? (
      <p>{waiting ? text.noneWaiting : text.noneConfirmed}</p>
    ) : (
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${idPrefix}-caption`}>
        <table class="stats-table">
          <caption id={`${idPrefix}-caption`}>{caption}</caption>
          <thead>
            <tr>
              {waiting && <th scope="col">{text.place}</th>}
              <th scope="col">{text.name}</th>
              <th scope="col">{text.email}</th>
              <th scope="col">{text.workplace}</th>
              <th scope="col">{text.municipality}</th>
              <th scope="col">{text.needs}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((participant, index) => (
              <tr key={participant.emailHash}>
                {waiting && <td>{index + 1}</td>}
                <th scope="row">{participant.name}</th>
                <td>{participant.email}</td>
                <td>{participant.workplace}</td>
                <td>{participant.municipality}</td>
                <td>{participant.needs ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )

  return (
    <>
      <PageTitle>{text.title(event.title)}</PageTitle>
      <p>
        <Link href={paths.item(workspace.tenant.id, id)}>{text.backToEvent}</Link>
      </p>
      <p>{text.counts(list.seats.confirmed, list.seats.capacity, list.seats.waiting)}</p>
      <p>{list.seats.closed ? text.isClosed : text.isOpen}</p>
      <p class="actions">
        <button type="button" onClick={download}>
          {text.download}
        </button>{' '}
        <button type="button" onClick={toggle}>
          {list.seats.closed ? text.reopen : text.close}
        </button>
      </p>
      <p role="status">{status}</p>
      <h2>{text.confirmed}</h2>
      {table(text.confirmedCaption, 'confirmed', list.confirmed, false)}
      <h2>{text.waiting}</h2>
      {table(text.waitingCaption, 'waiting', list.waiting, true)}
      <p class="hint">{text.privacy}</p>
    </>
  )
}
