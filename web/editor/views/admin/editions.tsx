import { useEffect, useState } from 'preact/hooks'
import { adminApi, type Edition } from '../../api/admin.ts'
import { describeError, Link, Loading, PageTitle } from '../../components/common.tsx'
import { StatsTable } from '../../components/stats-table.tsx'
import { paths } from '../../routes.ts'
import type { AdminProps } from './admin-area.tsx'
import { AdminRefused } from './admin-refused.tsx'
import { adminText as t } from './admin-text.ts'

/** `/redaktor/admin/utgaver`: every edition, and the way to a new one (a region joining, e.g. Oslo). */
export function EditionsView({ admin }: { admin: AdminProps }) {
  const [editions, setEditions] = useState<Edition[]>()
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    adminApi(admin.api)
      .editions()
      .then(({ items }) => setEditions(items), (error) => setProblem(describeError(error)))
  }, [])
  if (!editions) return problem ? <AdminRefused problem={problem} /> : <Loading />
  return <EditionsPage editions={editions} />
}

export function EditionsPage({ editions }: { editions: Edition[] }) {
  return (
    <>
      <PageTitle>{t.editionsTitle}</PageTitle>
      <p>{t.editionsIntro}</p>
      <p>
        <Link class="button button-primary" href={paths.adminNewEdition()}>
          {t.newEdition}
        </Link>
      </p>
      <StatsTable id="editions" caption={t.editionsCaption} columns={[t.colName, t.colRegion, t.colColour, t.colKind, t.colVisibility]}>
        {editions.map((edition) => (
          <tr key={edition.id}>
            <th scope="row">
              <Link href={paths.adminEdition(edition.id)} aria-label={t.editFor(edition.name)}>
                {edition.name}
              </Link>
            </th>
            <td>{edition.regionName}</td>
            <td>
              <span class="colour-swatch" aria-hidden="true" style={{ background: edition.colour, display: 'inline-block', width: '1em', height: '1em', verticalAlign: 'middle' }} /> {edition.colour}
            </td>
            <td>{edition.national ? t.national : t.regional}</td>
            <td>{edition.hidden ? <strong>{t.hiddenState}</strong> : t.liveState}</td>
          </tr>
        ))}
      </StatsTable>
    </>
  )
}
