// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../web/editor/api/client.ts'
import type { Media } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { FocalPoint } from '../../../web/editor/media/focal-point.tsx'

const image: Media = {
  id: '01JD00000000000000000000AA',
  tenant: 'innlandet',
  kind: 'image',
  status: 'ready',
  key: 'tenants/innlandet/media/01JD00000000000000000000AA/portrett.png',
  path: '/media/tenants/innlandet/media/01JD00000000000000000000AA/portrett.png',
  filename: 'portrett.png',
  contentType: 'image/png',
  bytes: 82_432,
  alt: 'Portrett av en sykepleier.',
  needsAlt: false,
  width: 600,
  height: 1200,
  createdAt: '2026-12-01T08:00:00.000Z',
  createdBy: 'innlandet@example.no',
  updatedAt: '2026-12-01T08:00:00.000Z',
}

let root: HTMLElement
afterEach(() => {
  if (root) (render(null, root), root.remove())
})

/** The control as the library shows it on a file's card, opened, with an API whose PATCH answers `updateMedia`. */
async function mount(updateMedia: (id: string, patch: unknown) => Promise<Media>, media: Media = image) {
  const announce = vi.fn()
  const onSaved = vi.fn()
  const tenantApi = { tenant: 'innlandet', updateMedia: vi.fn(updateMedia) }
  const workspace = { tenant: { id: 'innlandet', name: 'Kompetansebroen Innlandet' }, tenantApi, announce } as unknown as Workspace
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}><FocalPoint media={media} onSaved={onSaved} /></WorkspaceContext.Provider>, root))
  const details = root.querySelector('details')!
  await act(() => {
    details.open = true
    details.dispatchEvent(new Event('toggle'))
  })
  return { announce, onSaved, tenantApi }
}

const slider = (name: string) => {
  const label = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent === name)!
  return root.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!
}
const slide = (input: HTMLInputElement, value: number) =>
  act(() => {
    input.value = String(value)
    input.dispatchEvent(new Event('input'))
  })
const press = async (text: string) => {
  await act(() => button(text).click())
  await act(async () => {})
}
const button = (text: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.startsWith(text))!
const previews = () => [...root.querySelectorAll<HTMLImageElement>('.focal-preview img')].map((img) => img.style.objectPosition)

describe('the focal point control (issue 17)', () => {
  it('starts in the centre, moves with two labelled sliders that say where in words, and previews both crops', async () => {
    await mount(async () => image)
    expect(root.querySelector('summary')!.textContent).toContain('Fokuspunkt: midten')
    const [x, y] = [slider('Vannrett'), slider('Loddrett')]
    expect([x.type, x.min, x.max, x.value, y.value]).toEqual(['range', '0', '100', '50', '50'])
    expect(x.getAttribute('aria-valuetext')).toBe('50 % fra venstre')
    expect(previews()).toEqual(['', ''])
    expect([...root.querySelectorAll('.focal-preview span')].map((caption) => caption.textContent)).toEqual(['Kort (bredt)', 'Kvadrat'])

    await slide(x, 30)
    await slide(y, 15)
    expect(x.getAttribute('aria-valuetext')).toBe('30 % fra venstre')
    expect(y.getAttribute('aria-valuetext')).toBe('15 % fra toppen')
    expect(previews()).toEqual(['30% 15%', '30% 15%'])
    expect(root.querySelector<HTMLElement>('.focal-marker')!.style.left).toBe('30%')
  })

  it('takes a click or tap on the picture as the point', async () => {
    await mount(async () => image)
    const frame = root.querySelector<HTMLElement>('.focal-frame')!
    frame.getBoundingClientRect = () => ({ left: 100, top: 50, width: 200, height: 400, right: 300, bottom: 450, x: 100, y: 50, toJSON: () => ({}) })
    await act(() => void frame.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 150, clientY: 110 })))
    expect(slider('Vannrett').value).toBe('25')
    expect(slider('Loddrett').value).toBe('15')
  })

  it('saves with the updatedAt it was loaded with, says so, and hands the saved file back; the centre is saved as null', async () => {
    const saved = { ...image, focalPoint: { x: 0.3, y: 0.15 }, updatedAt: '2026-12-02T09:00:00.000Z' }
    const { announce, onSaved, tenantApi } = await mount(async () => saved)
    await slide(slider('Vannrett'), 30)
    await slide(slider('Loddrett'), 15)
    await press('Lagre fokuspunkt')
    expect(tenantApi.updateMedia).toHaveBeenCalledWith(image.id, { focalPoint: { x: 0.3, y: 0.15 }, updatedAt: image.updatedAt })
    expect(announce).toHaveBeenCalledWith('Fokuspunktet er lagret.')
    expect(onSaved).toHaveBeenCalledWith(saved)
    expect(root.textContent).toContain('får det nye fokuspunktet neste gang det lagres')

    await press('Midtstill')
    await press('Lagre fokuspunkt')
    expect(tenantApi.updateMedia).toHaveBeenLastCalledWith(image.id, { focalPoint: null, updatedAt: image.updatedAt })
  })

  it('shows the other editor’s point after a 409 stale_version instead of overwriting it', async () => {
    const theirs = { ...image, focalPoint: { x: 0.8, y: 0.2 }, updatedAt: '2026-12-02T09:30:00.000Z' }
    const { onSaved } = await mount(async () => {
      throw new ApiError(409, 'The file was changed by someone else.', { current: theirs }, 'stale_version')
    })
    await slide(slider('Vannrett'), 10)
    await press('Lagre fokuspunkt')
    expect(onSaved).toHaveBeenCalledWith(theirs)
    expect(slider('Vannrett').value).toBe('80')
    expect(root.querySelector('[role=alert]')!.textContent).toMatch(/^Noen andre endret bildet mens du arbeidet/)
  })
})
