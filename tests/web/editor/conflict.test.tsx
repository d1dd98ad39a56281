import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { formFromItem } from '../../../web/editor/form/model.ts'
import { ConflictView } from '../../../web/editor/views/conflict.tsx'
import { testArticle } from '../../support/fixtures.ts'

const workspace = { tenant: { id: 'akershus', name: 'Akershus' }, topics: [], me: { username: 'kari@example.no', name: 'Kari Nordmann' } } as unknown as Workspace
const stored: StoredItem = { ...testArticle('akershus', 'konflikt'), status: 'draft', version: 4, createdAt: '2027-01-01T08:00:00.000Z', updatedAt: '2027-01-01T09:00:00.000Z' }

function render(savedBy: string, savedByName?: string) {
  const current = { ...stored, savedBy, ...(savedByName ? { savedByName } : {}) }
  const mine = formFromItem({ ...current, title: 'Min tittel' })
  return renderToString(
    <WorkspaceContext.Provider value={workspace}>
      <ConflictView mine={mine} current={current} busy={false} onKeepMine={() => {}} onDiscardMine={() => {}} />
    </WorkspaceContext.Provider>,
  )
}

describe('the conflict view (issue 17)', () => {
  it('tells an editor whose own save in another tab is newer that it was them', () => {
    const html = render('kari@example.no')
    expect(html).toContain('Du har lagret dette i en annen fane eller et annet vindu')
    expect(html).not.toContain('Noen andre')
    expect(html).toContain('Lagret versjon (versjon 4, av deg)')
    expect(html).not.toContain('kari@example.no')
  })

  it('says someone else saved it when another editor did', () => {
    const html = render('ola@example.no')
    expect(html).toContain('Noen andre har lagret en nyere versjon')
    expect(html).not.toContain('Du har lagret dette')
  })

  it('names the colleague who saved the newer version, not their e-mail', () => {
    const html = render('ola@example.no', 'Ola Haugen')
    expect(html).toContain('Lagret versjon (versjon 4, av Ola Haugen)')
    expect(html).not.toContain('ola@example.no')
  })

  it('falls back to the e-mail only when the API knows no name', () => {
    expect(render('per@example.no')).toContain('Lagret versjon (versjon 4, av per@example.no)')
  })
})
