// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../web/editor/api/client.ts'
import type { ListedMedia } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { libraryQueryString, readLibraryQuery } from '../../../web/editor/media/library-query.ts'
import { MediaLibrary } from '../../../web/editor/views/media-library.tsx'

const file = (id: string, filename: string, over: Partial<ListedMedia> = {}): ListedMedia => ({
  id: `01JD00000000000000000000${id}`,
  tenant: 'innlandet',
  kind: 'image',
  status: 'ready',
  key: `tenants/innlandet/media/${id}/${filename}`,
  path: `/media/tenants/innlandet/media/01JD00000000000000000000${id}/${filename}`,
  filename,
  contentType: 'image/png',
  bytes: 82_432,
  alt: 'Et bilde.',
  needsAlt: false,
  createdAt: '2026-12-01T08:00:00.000Z',
  createdBy: 'innlandet@example.no',
  updatedAt: '2026-12-01T08:00:00.000Z',
  useCount: 0,
  ...over,
})
const files = [file('AA', 'Håndhygiene.jpg'), file('BB', 'hender.png', { title: 'Hender som vaskes' }), file('CC', 'hanske.png', { useCount: 1 })]

let root: HTMLElement
beforeEach(() => {
  // happy-dom's dialog has showModal; rAF runs at once so focus moves are seen.
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (callback(0), 0))
})
afterEach(() => {
  if (root) (render(null, root), root.remove())
  vi.unstubAllGlobals()
})

/** The library as the workspace mounts it at `address`, with an API that lists `files` and refuses to delete CC (in use). */
async function mount(address: string, listed = files, useCountsComplete = true) {
  history.replaceState(null, '', address)
  const announce = vi.fn()
  const tenantApi = {
    tenant: 'innlandet',
    listMedia: vi.fn(async () => ({ items: listed, nextCursor: null, truncated: false, useCountsComplete })),
    deleteMedia: vi.fn(async (id: string) => {
      if (id.endsWith('CC')) throw new ApiError(409, "'hanske.png' is used by 1 item: innlandet/01JITEM. Remove it first.", {}, 'media_in_use')
    }),
    getMedia: vi.fn(async (_id: string) => ({ usedBy: [{ itemId: '01JITEM', tenant: 'innlandet' }] })),
    getItem: vi.fn(async (_id: string) => ({ title: 'Smittevern på sykehjem' })),
  }
  const workspace = { tenant: { id: 'innlandet', name: 'Kompetansebroen Innlandet' }, tenantApi, announce } as unknown as Workspace
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}><MediaLibrary /></WorkspaceContext.Provider>, root))
  await act(async () => {})
  return { announce, tenantApi }
}

const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click())
const button = (text: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text)
const labelOf = (input: Element) => input.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()
/** Chooses `value` in a filter and submits the search form, as an editor does. */
async function searchFor(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value
    select.dispatchEvent(new Event('change', { bubbles: true }))
  })
  await act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  })
  await act(async () => {})
}

describe('the media library keeps its search in the address (issue 17)', () => {
  it('reads q, type, status and sort, dropping what it does not know, and writes back only what is set', () => {
    expect(readLibraryQuery('?q=+h%C3%A5nd+&type=image&status=refused&sort=size')).toEqual({ q: 'hånd', kind: 'image', status: 'refused', sort: 'size' })
    expect(readLibraryQuery('?type=film&status=klar&sort=newest&q=')).toEqual({})
    expect(libraryQueryString({ q: 'hånd', kind: 'audio', sort: 'newest' })).toBe('?q=h%C3%A5nd&type=audio')
    expect(libraryQueryString({})).toBe('')
    expect(readLibraryQuery(libraryQueryString({ q: 'sår og bandasje', status: 'processing', sort: 'name' }))).toEqual({ q: 'sår og bandasje', status: 'processing', sort: 'name' })
  })

  it('asks the API for what the address says, fills the form from it, and says politely how many files there are', async () => {
    const { tenantApi } = await mount('/redaktor/innlandet/media?q=h%C3%A5nd&type=image&sort=name')
    expect(tenantApi.listMedia).toHaveBeenCalledWith({ q: 'hånd', kind: 'image', sort: 'name' }, undefined)
    expect(root.querySelector<HTMLInputElement>('#media-q')!.value).toBe('hånd')
    expect(root.querySelector<HTMLSelectElement>('#media-kind')!.value).toBe('image')
    expect(root.querySelector<HTMLSelectElement>('#media-sort')!.value).toBe('name')
    expect(root.querySelector('label[for=media-q]')?.textContent).toBe('Søk i filnavn, tittel og alternativ tekst')
    expect([...root.querySelectorAll('#media-status option')].map((option) => option.textContent)).toEqual(['Alle', 'Klar', 'Behandles', 'Avvist'])
    expect(root.querySelector('[role=status]')?.textContent).toBe('3 filer')
    // Sizes and dates as a Norwegian writes them.
    expect(root.querySelector('.media-card .muted')?.textContent).toMatch(/Bilde · 80,5 kB · lastet opp 01\.12\.2026, 09:00/)
    expect(root.textContent).toContain('Nullstill søk og filtre')
  })

  it('puts a new search in the address, so reload and back keep it', async () => {
    await mount('/redaktor/innlandet/media')
    const q = root.querySelector<HTMLInputElement>('#media-q')!
    const status = root.querySelector<HTMLSelectElement>('#media-status')!
    await act(() => {
      q.value = 'sår'
      q.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await searchFor(status, 'ready')
    expect(location.pathname + location.search).toBe('/redaktor/innlandet/media?q=s%C3%A5r&status=ready')
  })
})

describe('bulk delete in the media library (issue 17)', () => {
  it('labels every checkbox with its file, and «Velg alle synlige» ticks them all', async () => {
    await mount('/redaktor/innlandet/media')
    const boxes = [...root.querySelectorAll<HTMLInputElement>('.media-card input[type=checkbox]')]
    expect(boxes.map(labelOf)).toEqual(['Velg Håndhygiene.jpg', 'Velg Hender som vaskes', 'Velg hanske.png'])
    const all = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((box) => labelOf(box) === 'Velg alle synlige')!
    await click(boxes[0])
    expect(all.indeterminate).toBe(true)
    expect(root.textContent).toContain('1 fil valgt')
    await click(all)
    expect(boxes.every((box) => box.checked)).toBe(true)
    expect(root.textContent).toContain('3 filer valgt')
  })

  it("asks in the workspace's dialog, deletes what nothing uses, keeps the rest naming the items by title, and moves focus to the result", async () => {
    const confirm = vi.fn()
    vi.stubGlobal('confirm', confirm)
    const { tenantApi, announce } = await mount('/redaktor/innlandet/media')
    const all = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((box) => labelOf(box) === 'Velg alle synlige')!
    await click(all)
    await click(button('Slett valgte'))
    const dialog = root.querySelector('dialog.confirm-dialog')!
    expect(dialog.querySelector('h2')?.textContent).toBe('Slette 3 filer?')
    expect(confirm).not.toHaveBeenCalled()
    await click([...dialog.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Slett filene'))
    // The deletes, then the in-use file's users and their titles: several round trips.
    await vi.waitFor(() => act(async () => expect(root.querySelector('section.notice')).not.toBeNull()))

    expect(tenantApi.deleteMedia.mock.calls.map(([id]) => id.slice(-2)).sort()).toEqual(['AA', 'BB', 'CC'])
    const result = root.querySelector('section.notice')!
    expect(result.textContent).toContain('2 filer er slettet:')
    expect([...result.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Håndhygiene.jpg',
      'Hender som vaskes',
      'hanske.png kan ikke slettes fordi den brukes i «Smittevern på sykehjem». Fjern den derfra først.',
    ])
    expect(result.textContent).toContain('1 fil ble ikke slettet:')
    expect(result.textContent).not.toContain('01JITEM')
    expect(announce).toHaveBeenCalledWith('2 filer slettet, 1 fil beholdt.')
    expect(document.activeElement?.id).toBe('bulk-result-title')
    // The deleted files are gone from the list; the kept one stays, still ticked.
    const left = [...root.querySelectorAll<HTMLInputElement>('.media-card input[type=checkbox]')]
    expect(left.map(labelOf)).toEqual(['Velg hanske.png'])
    expect(left[0]!.checked).toBe(true)
  })

  it('deletes nothing when the editor cancels', async () => {
    const { tenantApi } = await mount('/redaktor/innlandet/media')
    await click(root.querySelector('.media-card input[type=checkbox]'))
    await click(button('Slett valgte'))
    await click(root.querySelector('dialog [data-cancel]'))
    await act(async () => {})
    expect(tenantApi.deleteMedia).not.toHaveBeenCalled()
    expect(root.querySelectorAll('.media-card')).toHaveLength(3)
  })
})

describe('where each file is used, and the unused ones to clear out (issue 17)', () => {
  const used = [
    file('AA', 'logo.png', { useCount: 3 }),
    file('BB', 'kart.png', { useCount: 1 }),
    file('CC', 'gammel.png'),
    file('DD', 'banner.png', { useCount: 1234 }),
  ]
  const useText = () => [...root.querySelectorAll('.media-card-use > p')].map((p) => p.textContent)

  it('says on each card whether and in how many items the file is used, in bokmål numbers', async () => {
    await mount('/redaktor/innlandet/media', used)
    expect(useText()).toEqual(['Brukt i 3 saker', 'Brukt i 1 sak', 'Ikke i bruk', 'Brukt i 1\u00a0234 saker'])
    // Only a used file has «Vis hvor», labelled with its file.
    expect([...root.querySelectorAll('.media-card-use button')].map((b) => b.textContent)).toEqual(['Vis hvor logo.png', 'Vis hvor kart.png', 'Vis hvor banner.png'])
  })

  it('says "at least" when the edition has more uses than one listing counts', async () => {
    await mount('/redaktor/innlandet/media', used.slice(0, 3), false)
    expect(useText()).toEqual(['Brukt i minst 3 saker', 'Brukt i minst 1 sak', 'Ikke funnet i bruk'])
  })

  it('filters on «I bruk» / «Ikke i bruk» from the address, with the others, and writes it back', async () => {
    expect(readLibraryQuery('?usage=unused&type=image')).toEqual({ usage: 'unused', kind: 'image' })
    expect(readLibraryQuery('?usage=ubrukt')).toEqual({})
    expect(libraryQueryString({ usage: 'used', q: 'logo' })).toBe('?q=logo&usage=used')
    const { tenantApi } = await mount('/redaktor/innlandet/media?usage=unused&sort=size', [used[2]!])
    expect(tenantApi.listMedia).toHaveBeenCalledWith({ usage: 'unused', sort: 'size' }, undefined)
    const select = root.querySelector<HTMLSelectElement>('#media-usage')!
    expect(select.value).toBe('unused')
    expect(root.querySelector('label[for=media-usage]')?.textContent).toBe('Bruk')
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Alle', 'I bruk', 'Ikke i bruk'])
    expect(root.querySelector('[role=status]')?.textContent).toBe('1 fil')
    await searchFor(select, 'used')
    expect(location.pathname + location.search).toBe('/redaktor/innlandet/media?usage=used&sort=size')
  })

  it('«Ikke i bruk» + «Velg alle synlige» + «Slett valgte» clears the unused files in one go', async () => {
    const unused = [file('FF', 'gammel.png'), file('EE', 'utkast.png')]
    const { tenantApi } = await mount('/redaktor/innlandet/media?usage=unused', unused)
    const all = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((box) => labelOf(box) === 'Velg alle synlige')!
    await click(all)
    await click(button('Slett valgte'))
    await click([...root.querySelectorAll('dialog.confirm-dialog button')].find((candidate) => candidate.textContent === 'Slett filene'))
    await vi.waitFor(() => act(async () => expect(root.querySelector('section.notice')).not.toBeNull()))
    expect(tenantApi.deleteMedia.mock.calls.map(([id]) => id.slice(-2)).sort()).toEqual(['EE', 'FF'])
    expect(root.querySelector('section.notice')?.textContent).toContain('2 filer er slettet:')
    expect(root.querySelectorAll('.media-card')).toHaveLength(0)
  })

  it('«Vis hvor» loads the items on demand and links this edition\'s by title; another edition\'s are only counted', async () => {
    const { tenantApi } = await mount('/redaktor/innlandet/media', used)
    tenantApi.getMedia.mockResolvedValue({
      usedBy: [
        { itemId: '01JITEMAAAAAAAAAAAAAAAAAAA', tenant: 'innlandet' },
        // A course and its lessons: one item.
        { itemId: '01JITEMBBBBBBBBBBBBBBBBBBB', tenant: 'innlandet' },
        { itemId: '01JITEMBBBBBBBBBBBBBBBBBBB-leksjoner', tenant: 'innlandet' },
        { itemId: '01JVESTFOLDDDDDDDDDDDDDDDD', tenant: 'vestfold' },
      ],
    })
    tenantApi.getItem.mockImplementation(async (id: string) => ({ title: id.endsWith('A') ? 'Smittevern på sykehjem' : 'Kurs i sårstell' }))
    expect(tenantApi.getMedia).not.toHaveBeenCalled()
    const show = root.querySelector<HTMLButtonElement>('.media-card-use button')!
    expect(show.getAttribute('aria-expanded')).toBe('false')
    const panel = root.querySelector(`#${show.getAttribute('aria-controls')}`)!
    expect(panel.hasAttribute('hidden')).toBe(true)
    await click(show)
    await vi.waitFor(() => act(async () => expect(panel.querySelector('ul')).not.toBeNull()))
    expect(show.getAttribute('aria-expanded')).toBe('true')
    expect(tenantApi.getMedia).toHaveBeenCalledWith(used[0]!.id)
    expect(tenantApi.getItem.mock.calls.map(([id]) => id)).toEqual(['01JITEMAAAAAAAAAAAAAAAAAAA', '01JITEMBBBBBBBBBBBBBBBBBBB'])
    const links = [...panel.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])
    expect(links).toEqual([
      ['Smittevern på sykehjem', '/redaktor/innlandet/elementer/01JITEMAAAAAAAAAAAAAAAAAAA'],
      ['Kurs i sårstell', '/redaktor/innlandet/elementer/01JITEMBBBBBBBBBBBBBBBBBBB'],
    ])
    expect(panel.textContent).toContain('1 sak i en annen utgave')
    expect(panel.textContent).not.toContain('VESTFOLD')
    // Closing and opening again reads nothing more.
    await click(show)
    expect(show.getAttribute('aria-expanded')).toBe('false')
    await click(show)
    expect(tenantApi.getMedia).toHaveBeenCalledTimes(1)
  })
})
