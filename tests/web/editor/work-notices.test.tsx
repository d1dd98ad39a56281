// @vitest-environment happy-dom
import { setTimeout as sleep } from 'node:timers/promises'
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiClient } from '../../../web/editor/api/client.ts'
import { tenantApi } from '../../../web/editor/api/endpoints.ts'
import type { StoredItem } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { blankForm, formFromItem, type FormState } from '../../../web/editor/form/model.ts'
import { heartbeatMs, usePresence } from '../../../web/editor/views/use-presence.ts'
import { autosaveDelayMs, useServerAutosave } from '../../../web/editor/views/use-server-autosave.ts'
import { AutosaveOffer, AutosaveStatus, PresenceNotice } from '../../../web/editor/views/work-notices.tsx'

const itemPath = '/api/editor/tenants/akershus/items/01JF0000000000000000000001'
const item = { id: '01JF0000000000000000000001', tenant: 'akershus', type: 'artikler', title: 'Rutiner', slug: 'rutiner', summary: 'Kort', topics: [], audiences: [], body: blankForm('artikler').body, version: 3 } as unknown as StoredItem
const ola = { username: 'innlandet@example.no', name: 'Ola Haugen', at: '2026-12-02T13:00:00.000Z' }
const kari = { username: 'akershus@example.no', name: 'Kari Nordmann', at: '2026-12-02T13:00:00.000Z' }

let root: HTMLElement | undefined
let visibility: DocumentVisibilityState = 'visible'
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  vi.setSystemTime(new Date('2026-12-02T13:03:00.000Z'))
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
})
afterEach(() => {
  if (root) render(null, root), root.remove()
  root = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** The item editor's notices over a workspace whose API answers from `server` and records what was sent. */
function Harness(props: { form: FormState; dirty: boolean; restore: (form: FormState, version: number) => void }) {
  const others = usePresence(item.id)
  const autosave = useServerAutosave({ item, form: props.form, dirty: props.dirty, baseVersion: item.version, restore: props.restore })
  return (
    <>
      <PresenceNotice others={others} />
      <AutosaveOffer autosave={autosave} />
      <AutosaveStatus savedAt={autosave.savedAt} />
    </>
  )
}

async function mount(server: { others: (typeof ola)[]; autosave?: unknown }) {
  const sent: Array<{ method: string; path: string; body?: unknown }> = []
  const outliving: string[] = []
  const announced: string[] = []
  const restored: Array<[FormState, number]> = []
  const api = createApiClient({
    token: () => 'token',
    onUnauthorized: () => {},
    fetch: async (request) => {
      const path = new URL(request.url).pathname
      const body = request.method === 'GET' || request.method === 'DELETE' ? undefined : await request.json().catch(() => undefined)
      sent.push({ method: request.method, path, body })
      if (request.method === 'DELETE') return new Response(null, { status: 204 })
      if (path.endsWith('/presence')) return Response.json({ others: server.others })
      if (request.method === 'PUT') return Response.json({ ...(body as object), savedAt: new Date().toISOString() })
      return server.autosave ? Response.json(server.autosave) : new Response(null, { status: 204 })
    },
  })
  // happy-dom's Request drops keepalive, so it is read where the typed client hands the request to ours.
  const watched: typeof api = {
    fetch: (input, init) => {
      if (init?.keepalive) outliving.push(`${init.method} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`)
      return api.fetch(input, init)
    },
  }
  const workspace = { api: watched, tenantApi: tenantApi(watched, 'akershus'), tenant: { id: 'akershus', name: 'Akershus' }, announce: (text: string) => announced.push(text) } as unknown as Workspace
  root = document.body.appendChild(document.createElement('div'))
  const show = (form: FormState, dirty: boolean) =>
    act(() =>
      render(
        <WorkspaceContext.Provider value={workspace}>
          <Harness form={form} dirty={dirty} restore={(work, version) => restored.push([work, version])} />
        </WorkspaceContext.Provider>,
        root!,
      ),
    )
  await show(formFromItem(item), false)
  await settle()
  return { sent, announced, restored, outliving, show, root: root! }
}
/**
 * Lets requests (signed: a body hash each, which takes real time) and renders finish without moving the fake clock;
 * with a condition, waits (in real time, up to 3 s) until it holds, however loaded the machine is.
 */
async function settle(done?: () => boolean) {
  for (let round = 0; round < 10; round++) {
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)))
    await sleep(2)
  }
  for (let waited = 0; done && !done() && waited < 3_000; waited += 10) {
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)))
    await sleep(10)
  }
}
const advance = async (ms: number) => {
  await act(async () => void (await vi.advanceTimersByTimeAsync(ms)))
  await settle()
}
const button = (name: string) => [...root!.querySelectorAll('button')].find((candidate) => candidate.textContent === name)!

describe('presence in the item editor (issue 17)', () => {
  it('beats every 30 s while visible, names the others once, counts more than one, and says goodbye', async () => {
    const server = { others: [] as (typeof ola)[] }
    const { sent, announced, root: view } = await mount(server)
    const beats = () => sent.filter((call) => call.method === 'POST' && call.path === `${itemPath}/presence`).length
    expect(beats()).toBe(1)
    expect(view.textContent).not.toContain('åpent')

    server.others = [ola]
    await advance(heartbeatMs - 1)
    expect(beats()).toBe(1)
    await advance(1)
    await settle(() => Boolean(view.querySelector('.presence-notice')))
    expect(beats()).toBe(2)
    expect(view.querySelector('.presence-notice')?.textContent).toBe('Ola Haugen har også dette innholdet åpent.')
    await advance(heartbeatMs)
    expect(announced).toEqual(['Ola Haugen har også dette innholdet åpent.'])

    server.others = [ola, kari]
    await advance(heartbeatMs)
    await settle(() => view.textContent!.includes('2 andre'))
    expect(view.textContent).toContain('2 andre redaktører har også dette innholdet åpent.')
    expect(view.textContent).not.toContain('@')

    // Hidden: no heartbeats; shown again: one at once.
    visibility = 'hidden'
    const before = beats()
    await advance(heartbeatMs * 3)
    expect(beats()).toBe(before)
    visibility = 'visible'
    server.others = []
    await act(() => void document.dispatchEvent(new Event('visibilitychange')))
    await settle(() => !view.querySelector('.presence-notice'))
    expect(beats()).toBe(before + 1)
    expect(view.querySelector('.presence-notice')).toBeNull()

    render(null, view)
    await settle(() => sent.at(-1)?.method === 'DELETE')
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', path: `${itemPath}/presence` })
  })
})

describe('server autosave in the item editor (issue 17)', () => {
  it('sends the form 20 s after the last change and says when', async () => {
    const { sent, show, root: view } = await mount({ others: [] })
    const puts = () => sent.filter((call) => call.method === 'PUT')
    const first = formFromItem(item)
    const typed = { ...first, fields: { ...first.fields, title: 'Rutiner for legemidler' } }
    await show(typed, true)
    await advance(autosaveDelayMs - 5_000)
    // Another change restarts the wait.
    const more = { ...typed, fields: { ...typed.fields, summary: 'Lengre' } }
    await show(more, true)
    await advance(autosaveDelayMs - 1)
    expect(puts()).toEqual([])
    await advance(1)
    await settle(() => view.textContent!.includes('Automatisk lagret'))
    expect(puts()).toEqual([{ method: 'PUT', path: `${itemPath}/autosave`, body: { baseVersion: 3, fields: more } }])
    expect(view.textContent).toContain('Automatisk lagret kl. 14:03')

    // Saved: no status, nothing sent.
    await show(more, false)
    await advance(autosaveDelayMs * 2)
    expect(puts()).toHaveLength(1)
    expect(view.textContent).not.toContain('Automatisk lagret')
  })

  it('sends unsaved work and the goodbye at once when the page goes away, as keepalive requests', async () => {
    const { sent, outliving, show } = await mount({ others: [] })
    const first = formFromItem(item)
    const typed = { ...first, fields: { ...first.fields, title: 'Skrevet før lukking' } }
    await show(typed, true)
    await act(() => void dispatchEvent(new Event('pagehide')))
    await settle(() => outliving.length === 2)
    expect(sent.filter((call) => call.method === 'PUT')).toEqual([{ method: 'PUT', path: `${itemPath}/autosave`, body: { baseVersion: 3, fields: typed } }])
    expect(outliving.sort()).toEqual([`DELETE ${itemPath}/presence`, `PUT ${itemPath}/autosave`])
  })

  it('offers an autosave that differs from what loaded, warns when the item was saved since, and restores or discards', async () => {
    const mine = formFromItem({ ...item, title: 'Min uferdige tittel' } as StoredItem)
    const autosave = { baseVersion: 2, fields: mine, savedAt: '2026-12-02T12:58:00.000Z' }
    const { sent, restored, announced, root: view } = await mount({ others: [], autosave })
    await settle(() => view.textContent!.includes('Gjenopprett'))
    expect(view.textContent).toContain('lagret automatisk 2. desember 2026 kl. 13:58')
    expect(view.textContent).toContain('Innholdet er lagret av noen andre etter dette')
    await act(() => button('Gjenopprett').click())
    expect(restored).toEqual([[mine, 2]])
    expect(view.textContent).not.toContain('Gjenopprett')
    expect(announced).toContain('De automatisk lagrede endringene er hentet inn i skjemaet. Se over og lagre.')
    expect(sent.filter((call) => call.method === 'DELETE' && call.path.endsWith('/autosave'))).toEqual([])
  })

  it('«Forkast» deletes the autosave; one equal to the loaded item is not offered', async () => {
    const mine = formFromItem({ ...item, title: 'Annen tittel' } as StoredItem)
    const { sent, root: view } = await mount({ others: [], autosave: { baseVersion: 3, fields: mine, savedAt: '2026-12-02T12:58:00.000Z' } })
    await settle(() => view.textContent!.includes('Forkast'))
    expect(view.textContent).not.toContain('lagret av noen andre')
    await act(() => button('Forkast').click())
    await settle(() => sent.some((call) => call.method === 'DELETE'))
    expect(sent.filter((call) => call.method === 'DELETE' && call.path === `${itemPath}/autosave`)).toHaveLength(1)
    expect(view.textContent).not.toContain('Forkast')
    render(null, view)

    root = document.body.appendChild(document.createElement('div'))
    const same = await mount({ others: [], autosave: { baseVersion: 3, fields: formFromItem(item), savedAt: '2026-12-02T12:58:00.000Z' } })
    expect(same.root.textContent).not.toContain('Gjenopprett')
  })
})
