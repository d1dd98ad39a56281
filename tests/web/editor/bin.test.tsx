// @vitest-environment happy-dom
import { render } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantApi, type BinEntry } from '../../../web/editor/api/endpoints.ts'
import { createApiClient } from '../../../web/editor/api/client.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { parseRoute, paths } from '../../../web/editor/routes.ts'
import { BinPage, BinView } from '../../../web/editor/views/bin.tsx'
import { CopyAndDelete } from '../../../web/editor/views/copy-delete.tsx'

const entry = (over: Partial<BinEntry> = {}): BinEntry => ({
  id: '01JF0000000000000000000001',
  type: 'artikler',
  title: 'Rutiner for legemidler',
  slug: 'rutiner',
  version: 4,
  binnedAt: '2026-12-01T09:00:00.000Z',
  binnedBy: 'akershus@example.no',
  deletesAt: '2026-12-31T09:00:00.000Z',
  ...over,
})

let root: HTMLElement | undefined
afterEach(() => {
  if (root) render(null, root), root.remove()
  root = undefined
})

/** The bin view in a workspace whose API answers from `items` and records what was sent. */
async function mountBin(items: BinEntry[]) {
  return mount(items, <BinView />)
}

async function mount(items: BinEntry[], view: preact.JSX.Element) {
  const sent: Array<{ method: string; path: string; body?: unknown }> = []
  const announced: string[] = []
  const api = createApiClient({
    token: () => 'token',
    onUnauthorized: () => {},
    fetch: async (request) => {
      const path = new URL(request.url).pathname
      const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined)
      sent.push({ method: request.method, path, body })
      if (path.endsWith('/purge')) return new Response(null, { status: 204 })
      if (path.endsWith('/restore')) return Response.json({ ...items[0], status: 'draft' })
      if (path.endsWith('/duplicate')) return Response.json({ ...items[0], id: '01JF0000000000000000000002', title: `Kopi av ${items[0]!.title}` }, { status: 201 })
      if (path.endsWith('/delete')) return Response.json(items[0])
      const left = items.filter((item) => !sent.some((call) => call.path.includes(item.id)))
      return Response.json({ items: left, nextCursor: null })
    },
  })
  const workspace = { api, tenantApi: tenantApi(api, 'akershus'), tenant: { id: 'akershus', name: 'Akershus' }, announce: (text: string) => announced.push(text) } as unknown as Workspace
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}>{view}</WorkspaceContext.Provider>, root!))
  await until(() => Boolean(root!.querySelector('h1, button')))
  return { sent, announced, root: root! }
}
/** Lets the view's requests (signed: a body hash each) and renders finish, however loaded the machine is. */
async function until(done: () => boolean) {
  for (let waited = 0; !done() && waited < 5_000; waited += 20) await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
}
const button = (name: string, scope: ParentNode = root!) => [...scope.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!

describe('the bin (papirkurv, issue 17)', () => {
  it('has its own address in the workspace', () => {
    expect(paths.bin('akershus')).toBe('/redaktor/akershus/papirkurv')
    expect(parseRoute('/redaktor/akershus/papirkurv', '')).toEqual({ name: 'bin', tenant: 'akershus' })
  })

  it('lists each deleted item with when it goes for good, in bokmål, and names its buttons by the item', () => {
    const html = renderToString(<BinPage items={[entry()]} now={new Date('2026-12-02T12:00:00.000Z')} />)
    expect(html).toContain('<h1')
    expect(html).toContain('Papirkurv')
    expect(html).toContain('Slettes for godt 31. desember')
    expect(html).toContain('Artikkel')
    expect(html).toContain('01.12.2026, 10:00 av akershus@example.no')
    expect(html).toContain('aria-label="Gjenopprett «Rutiner for legemidler»"')
    expect(html).toContain('aria-label="Slett for godt: «Rutiner for legemidler»"')
    // Across the new year the year is named.
    expect(renderToString(<BinPage items={[entry({ deletesAt: '2027-01-02T09:00:00.000Z' })]} now={new Date('2026-12-10T12:00:00.000Z')} />)).toContain('Slettes for godt 2. januar 2027')
    expect(renderToString(<BinPage items={[]} />)).toContain('Papirkurven er tom.')
  })

  it('asks in the workspace’s dialog before deleting for good, and sends nothing when the editor cancels', async () => {
    const { sent, announced } = await mountBin([entry()])
    await act(() => button('Slett for godt').click())
    const dialog = root!.querySelector('dialog')!
    expect(dialog.querySelector('h2')?.textContent).toBe('Slette «Rutiner for legemidler» for godt?')
    await act(() => button('Avbryt', dialog).click())
    expect(root!.querySelector('dialog')).toBeNull()
    expect(sent.filter((call) => call.method === 'POST')).toEqual([])

    await act(() => button('Slett for godt').click())
    await act(() => button('Slett for godt', root!.querySelector('dialog')!).click())
    await until(() => announced.length > 0)
    expect(sent.filter((call) => call.method === 'POST')).toEqual([{ method: 'POST', path: '/api/editor/tenants/akershus/bin/01JF0000000000000000000001/purge', body: { version: 4 } }])
    expect(announced).toEqual(['«Rutiner for legemidler» er slettet for godt.'])
    expect(root!.textContent).toContain('Papirkurven er tom.')
  })

  it('restores an item as a draft with the version it showed', async () => {
    const { sent, announced } = await mountBin([entry()])
    await act(() => button('Gjenopprett').click())
    await until(() => announced.length > 0)
    expect(sent.filter((call) => call.method === 'POST')).toEqual([{ method: 'POST', path: '/api/editor/tenants/akershus/bin/01JF0000000000000000000001/restore', body: { version: 4 } }])
    expect(announced).toEqual(['«Rutiner for legemidler» er gjenopprettet som utkast.'])
    expect(root!.querySelector('[role=status]')?.textContent).toBe('«Rutiner for legemidler» er gjenopprettet som utkast.')
  })

  it('«Lag kopi» opens the copy and says so; «Slett» asks, moves the item to the bin and goes back to the list', async () => {
    const item = { id: '01JF0000000000000000000001', version: 4, status: 'draft' as const }
    const { sent, announced } = await mount([entry()], <CopyAndDelete item={item} busy={false} />)
    await act(() => button('Lag kopi').click())
    await until(() => announced.length > 0)
    expect(sent.map((call) => [call.method, call.path])).toEqual([['POST', '/api/editor/tenants/akershus/items/01JF0000000000000000000001/duplicate']])
    expect(location.pathname).toBe('/redaktor/akershus/elementer/01JF0000000000000000000002')
    expect(announced).toEqual(['Kopien «Kopi av Rutiner for legemidler» er laget som utkast. Du redigerer nå kopien.'])

    await act(() => button('Slett').click())
    const dialog = root!.querySelector('dialog')!
    expect(dialog.querySelector('h2')?.textContent).toBe('Slette innholdet?')
    await act(() => button('Flytt til papirkurven', dialog).click())
    await until(() => announced.length > 1)
    expect(sent.at(-1)).toEqual({ method: 'POST', path: '/api/editor/tenants/akershus/items/01JF0000000000000000000001/delete', body: { version: 4 } })
    expect(location.pathname).toBe('/redaktor/akershus/elementer')
    expect(announced.at(-1)).toBe('Innholdet er flyttet til papirkurven.')
  })
})
