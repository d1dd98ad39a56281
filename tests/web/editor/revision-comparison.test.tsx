// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { RevisionSummary } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { RevisionComparison } from '../../../web/editor/views/revision-comparison.tsx'
import { testArticle } from '../../support/fixtures.ts'

const base = { ...testArticle('akershus', 'demens-i-hjemmet'), status: 'draft', createdAt: '2027-01-01T08:00:00.000Z' } as const
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const versions: Record<number, StoredItem> = {
  1: { ...base, version: 1, updatedAt: '2027-01-01T08:00:00.000Z', title: 'Demens i hjemmet', body: { type: 'doc', content: [paragraph('Pårørende trenger støtte.')] } } as StoredItem,
  2: { ...base, version: 2, updatedAt: '2027-01-02T08:00:00.000Z', title: 'Demens i hjemmet', body: { type: 'doc', content: [paragraph('Pårørende trenger støtte.')] } } as StoredItem,
  3: {
    ...base,
    version: 3,
    updatedAt: '2027-01-03T08:00:00.000Z',
    title: 'Demens og pårørende i hjemmet',
    body: { type: 'doc', content: [paragraph('Pårørende trenger god hjelp tidlig.')] },
  } as StoredItem,
}
// Version 3 by Ola, whose name the API knows; 2 by the signed-in editor; 1 by an account with no name on record yet.
const savers: Record<number, Pick<RevisionSummary, 'savedBy' | 'savedByName'>> = {
  3: { savedBy: 'innlandet@example.no', savedByName: 'Ola Haugen' },
  2: { savedBy: 'akershus@example.no', savedByName: 'Kari Nordmann' },
  1: { savedBy: 'per@example.no' },
}
const revisions: RevisionSummary[] = [3, 2, 1].map((revision) => ({ revision, savedAt: versions[revision]!.updatedAt, ...savers[revision], title: versions[revision]!.title, status: 'draft' }))

let root: HTMLElement
afterEach(() => {
  render(null, root)
  root.remove()
})

async function mount() {
  const announce = vi.fn()
  const revision = vi.fn(async (_id: string, number: number) => versions[number]!)
  const me = { username: 'akershus@example.no', name: 'Kari Nordmann' }
  const workspace = { tenant: { id: 'akershus', name: 'Akershus' }, topics: [], announce, me, tenantApi: { revision } } as unknown as Workspace
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}><RevisionComparison id={base.id} revisions={revisions} current={3} /></WorkspaceContext.Provider>, root))
  const choose = async (label: string, value: number) => {
    const select = root.querySelector<HTMLSelectElement>(`#${[...root.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor}`)!
    select.value = String(value)
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })))
  }
  const compare = async () => {
    await act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })))
    await act(async () => {})
  }
  return { announce, revision, choose, compare }
}

describe('comparing two versions of an item (issue 17)', () => {
  it('shows the previous and the current version side by side, removed words struck through and added ones underlined', async () => {
    const { announce, revision, compare } = await mount()
    await compare()
    expect(revision.mock.calls.map(([, number]) => number).sort()).toEqual([2, 3])
    expect(root.querySelector('h2#comparison-title')!.textContent).toBe('Endringer fra versjon 2 til versjon 3')
    const rows = [...root.querySelectorAll('.comparison > table tbody tr')]
    expect(rows.map((row) => row.querySelector('th')!.textContent)).toEqual(['TittelEndret', 'BrødtekstEndret'])
    const [before, after] = rows[0]!.querySelectorAll('td')
    expect(after!.querySelector('ins')!.textContent).toBe('Lagt til: og pårørende ')
    expect(before!.querySelector('ins')).toBeNull()
    const body = rows[1]!.querySelectorAll('td')
    expect(body[0]!.querySelector('del')!.textContent).toBe('Fjernet: støtte')
    expect(body[0]!.textContent).toBe('Pårørende trenger Fjernet: støtte.')
    expect(body[1]!.querySelector('ins')!.textContent).toBe('Lagt til: god hjelp tidlig')
    expect(body[1]!.querySelector('del')).toBeNull()
    // The fields that did not change are there too, folded away.
    expect(root.querySelector('.comparison details summary')!.textContent).toMatch(/^Felt som er like i begge \(\d+\)$/)
    expect(announce).toHaveBeenCalledWith('Versjon 2 og 3 sammenlignet: 2 felt er endret.')
  })

  it('names who saved each version: a colleague by name, the editor as «deg», the e-mail only when no name is known', async () => {
    const { choose, compare } = await mount()
    await compare()
    const headings = () => [...root.querySelectorAll('.comparison > table thead th')].map((cell) => cell.textContent)
    expect(headings().find((text) => text?.startsWith('Versjon 3'))).toMatch(/, Ola Haugen\)$/)
    expect(headings().find((text) => text?.startsWith('Versjon 2'))).toMatch(/, deg\)$/)
    expect(root.querySelector('.comparison')!.textContent).not.toContain('innlandet@example.no')
    await choose('Fra versjon', 1)
    await compare()
    expect(headings().find((text) => text?.startsWith('Versjon 1'))).toMatch(/, per@example.no\)$/)
  })

  it('puts the earlier version on the left whichever way round they are chosen, and says when nothing changed', async () => {
    const { choose, compare } = await mount()
    await choose('Fra versjon', 3)
    await choose('Til versjon', 1)
    await compare()
    expect(root.querySelector('h2#comparison-title')!.textContent).toBe('Endringer fra versjon 1 til versjon 3')

    await choose('Fra versjon', 1)
    await choose('Til versjon', 2)
    await compare()
    expect(root.querySelector('.comparison')!.textContent).toContain('Versjonene har det samme innholdet.')
  })

  it('asks for two different versions instead of comparing one with itself', async () => {
    const { choose, compare, revision } = await mount()
    await choose('Fra versjon', 3)
    await compare()
    expect(revision).not.toHaveBeenCalled()
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Velg to forskjellige versjoner.')
    expect(root.querySelector('#compare-from')!.getAttribute('aria-describedby')).toBe('compare-problem')
  })
})
