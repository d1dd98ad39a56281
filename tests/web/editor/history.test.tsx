// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { RevisionSummary } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { HistoryView } from '../../../web/editor/views/history.tsx'
import { testArticle } from '../../support/fixtures.ts'

const item = { ...testArticle('akershus', 'historikk'), status: 'draft', version: 3, createdAt: '2027-01-01T08:00:00.000Z', updatedAt: '2027-01-03T08:00:00.000Z' } as StoredItem
const revisions: RevisionSummary[] = [
  { revision: 3, savedAt: '2027-01-03T08:00:00.000Z', savedBy: 'innlandet@example.no', savedByName: 'Ola Haugen', title: item.title, status: 'draft' },
  { revision: 2, savedAt: '2027-01-02T08:00:00.000Z', savedBy: 'akershus@example.no', savedByName: 'Kari Nordmann', title: item.title, status: 'draft' },
  { revision: 1, savedAt: '2027-01-01T08:00:00.000Z', savedBy: 'per@example.no', title: item.title, status: 'draft' },
]

let root: HTMLElement
afterEach(() => {
  render(null, root)
  root.remove()
})

describe('the history of an item (issue 17)', () => {
  it('names who saved each version: colleagues by name, the editor as «deg», the e-mail only when no name is known', async () => {
    const tenantApi = { getItem: async () => item, revisions: async () => ({ items: revisions }) }
    const workspace = { tenant: { id: 'akershus', name: 'Akershus' }, topics: [], announce: () => {}, me: { username: 'akershus@example.no', name: 'Kari Nordmann' }, tenantApi } as unknown as Workspace
    root = document.body.appendChild(document.createElement('div'))
    await act(() => render(<WorkspaceContext.Provider value={workspace}><HistoryView id={item.id} /></WorkspaceContext.Provider>, root))
    await act(async () => {})
    const savers = [...root.querySelectorAll('table.item-table tbody tr')].map((row) => row.querySelectorAll('td')[2]!.textContent)
    expect(savers).toEqual(['Ola Haugen', 'deg', 'per@example.no'])
    expect(root.textContent).not.toContain('innlandet@example.no')
  })
})
