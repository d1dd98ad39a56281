// @vitest-environment happy-dom
import { render } from 'preact'
import { useState } from 'preact/hooks'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Media } from '../../../web/editor/api/types.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { setPath, type Fields } from '../../../web/editor/form/model.ts'
import { SharingSection } from '../../../web/editor/views/fields/sharing.tsx'

const mainImage = { src: '/media/tenants/akershus/media/01JAAAAAAAAAAAAAAAAAAAAAAA/hoved.png', alt: 'Hovedbildet.' }
const shareMedia = { path: '/media/tenants/akershus/media/01JBBBBBBBBBBBBBBBBBBBBBBB/deling.png', alt: 'Delingsbildet.', width: 1600, height: 840 } as Media

let root: HTMLElement
afterEach(() => {
  render(null, root)
  root.remove()
})

/** The section as the item editor mounts it: fields held in state, the media picker and the live region faked. */
async function mount(initial: Fields) {
  const announce = vi.fn()
  const pickMedia = vi.fn((_kind: string, onPicked: (media: Media) => void) => onPicked(shareMedia))
  const workspace = { tenant: { id: 'akershus', name: 'Kompetansebroen Akershus' }, announce } as unknown as Workspace
  function Harness() {
    const [fields, setFields] = useState(initial)
    return <SharingSection fields={fields} errors={{}} set={(path, value) => setFields((current) => setPath(current, path, value))} pickMedia={pickMedia} />
  }
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}><Harness /></WorkspaceContext.Provider>, root))
  return { announce, pickMedia }
}

const textarea = () => root.querySelector<HTMLTextAreaElement>('textarea[name=metaDescription]')!
const type = (text: string) => act(() => {
  textarea().value = text
  textarea().dispatchEvent(new Event('input', { bubbles: true }))
})
const text = (selector: string) => root.querySelector(selector)?.textContent
const base: Fields = { type: 'artikler', title: 'Trygg legemiddelhåndtering', slug: 'trygg', summary: 'Ingressen om dosett.', image: mainImage }

describe('«Deling og søk» in the item editor (issue 17)', () => {
  it('is its own labelled section with the description, the share image and a labelled preview that falls back to summary and main image', async () => {
    await mount(base)
    const section = root.querySelector('section')!
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Deling og søk')
    expect(root.querySelector(`label[for=${textarea().id}]`)?.textContent).toBe('Beskrivelse for deling og søk')
    expect([...root.querySelectorAll('figcaption')].map((caption) => caption.textContent)).toEqual(['Slik ser lenken ut når den deles', 'Slik kan innholdet se ut i søkeresultater'])
    expect(text('.share-card-title')).toBe('Trygg legemiddelhåndtering')
    expect(text('.share-card-description')).toBe('Ingressen om dosett.')
    expect(root.querySelector('.share-card-image')?.getAttribute('src')).toBe(mainImage.src)
    expect(text('.search-snippet-title')).toBe('Trygg legemiddelhåndtering – Kompetansebroen Akershus')
    expect(text('.search-snippet-url')).toMatch(/akershus › artikler › trygg$/)
  })

  it('previews the description as typed, cut where search engines cut it', async () => {
    await mount(base)
    await type('Slik holder du orden på medisinene.')
    expect(text('.share-card-description')).toBe('Slik holder du orden på medisinene.')
    await type('a'.repeat(200))
    expect(text('.search-snippet-description')).toBe(`${'a'.repeat(160)} …`)
  })

  it('shows the count at every key but reads it out only when a threshold is crossed', async () => {
    const { announce } = await mount(base)
    await type('a'.repeat(10))
    expect(text('.char-count')).toBe('10 av 160 anbefalte tegn')
    await type('a'.repeat(100))
    expect(announce).not.toHaveBeenCalled()
    await type('a'.repeat(145))
    expect(announce).toHaveBeenLastCalledWith('Beskrivelse: 15 tegn igjen til anbefalt lengde.')
    await type('a'.repeat(150))
    await type('a'.repeat(165))
    expect(announce).toHaveBeenLastCalledWith('Beskrivelsen er over 160 tegn og kan bli kuttet i søkeresultater.')
    expect(root.querySelector('.char-count')?.classList.contains('char-count-over')).toBe(true)
    await type('a'.repeat(170))
    await type('a'.repeat(301))
    expect(announce).toHaveBeenLastCalledWith('Beskrivelsen er over 300 tegn, som er det meste som kan lagres.')
    expect(text('.char-count')).toBe('301 tegn: høyst 300 kan lagres')
    await type('a'.repeat(50))
    expect(announce).toHaveBeenLastCalledWith('Beskrivelsen er innenfor anbefalt lengde.')
    expect(announce).toHaveBeenCalledTimes(4)
    // The count sits in the field's description (read with the field), not in a live region of its own.
    expect(textarea().getAttribute('aria-describedby')).toContain(root.querySelector('.char-count')!.parentElement!.id)
    expect(root.querySelector('.char-count')?.closest('[aria-live]')).toBeNull()
  })

  it('chooses the share image from the media library and previews it with its alt text instead of the main image', async () => {
    const { pickMedia } = await mount(base)
    const choose = [...root.querySelectorAll('button')].find((button) => button.textContent?.startsWith('Velg bilde'))!
    expect(choose.textContent).toBe('Velg bilde – Bilde når lenken deles')
    await act(() => choose.click())
    expect(pickMedia).toHaveBeenCalledWith('image', expect.any(Function))
    const image = root.querySelector('.share-card-image')!
    expect([image.getAttribute('src'), image.getAttribute('alt')]).toEqual([shareMedia.path, 'Delingsbildet.'])
    expect(root.querySelector<HTMLInputElement>('input[name="shareImage.alt"]')?.value).toBe('Delingsbildet.')
  })

  it('shows a small card without an image, and says so', async () => {
    const { image, ...withoutImage } = base
    await mount(withoutImage)
    expect(root.querySelector('.share-card-image')).toBeNull()
    expect(root.querySelector('.share-card')?.classList.contains('share-card-small')).toBe(true)
    expect(root.textContent).toContain('Uten bilde vises lenken som et lite kort.')
  })
})
