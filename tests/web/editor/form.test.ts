import { describe, expect, it } from 'vitest'
import type { RichText } from '../../../functions/content/richtext.ts'
import type { StoredItem } from '../../../web/editor/api/types.ts'
import { blankForm, fingerprint, formFromItem, getPath, numberish, setPath, toInput } from '../../../web/editor/form/model.ts'
import { validateForm } from '../../../web/editor/form/validate.ts'
import { blockLabel } from '../../../web/editor/richtext/prosemirror-doc.ts'
import { labelFor } from '../../../web/editor/text.ts'

const article = (overrides: Partial<StoredItem> = {}) =>
  ({
    id: '01JD3Z6V8Q7W2K4M5N6P7R8S9T',
    tenant: 'innlandet',
    type: 'artikler',
    slug: 'trygg-legemiddelhandtering',
    title: 'Trygg legemiddelhåndtering',
    summary: 'Fem råd.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hei' }] }] },
    topics: ['legemidler'],
    audiences: ['kommune'],
    sharedNationally: false,
    status: 'draft',
    version: 3,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  }) as StoredItem

describe('item form', () => {
  it('round-trips a stored item to the same input, without the server-owned fields', () => {
    const form = formFromItem(article())
    const input = toInput(form)
    expect(input).toEqual({
      type: 'artikler',
      slug: 'trygg-legemiddelhandtering',
      title: 'Trygg legemiddelhåndtering',
      summary: 'Fem råd.',
      body: article().body,
      topics: ['legemidler'],
      audiences: ['kommune'],
      sharedNationally: false,
    })
    expect(validateForm(form).input).toEqual(input)
  })

  it('leaves out blank optional fields and empty optional objects, and trims text', () => {
    const form = blankForm('arrangementer')
    const fields = { ...form.fields, title: '  Fagdag  ', onlineUrl: '', location: { name: '', address: '' } }
    const input = toInput({ ...form, fields })
    expect(input.title).toBe('Fagdag')
    expect(input).not.toHaveProperty('onlineUrl')
    expect(input).not.toHaveProperty('location')
  })

  it('words each problem in bokmål beside its field', () => {
    const form = blankForm('e-kurs')
    const fields = { ...form.fields, title: 'Kurs', summary: 'Om kurset', slug: 'Ugyldig Adresse', courseUrl: 'kurs.no', durationMinutes: numberish('90 min'), learningGoals: ['Forstå', ''] }
    const { input, fields: errors } = validateForm({ ...form, fields })
    expect(input).toBeUndefined()
    expect(errors.slug).toMatch(/små bokstaver/)
    expect(errors.courseUrl).toBe('Skriv en hel nettadresse som begynner med https://')
    expect(errors.durationMinutes).toMatch(/helt tall/)
    expect(errors.provider).toBe('Skriv hvem som tilbyr kurset.')
    expect(errors).not.toHaveProperty('learningGoals.1')
    expect(labelFor('durationMinutes')).toBe('Varighet i minutter')
    expect(labelFor('episodes.1.title')).toBe('Episode 2: Tittel')
  })

  it('places rich-text errors on the block they come from, named as the editor sees it', () => {
    const form = formFromItem(article())
    const body: RichText = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Se ' }, { type: 'link', href: 'javascript:alert(1)', text: 'her' }] },
        { type: 'image', src: '/media/tenants/akershus/media/01HZ8Q4S3V4X2YB6T7N9R0K5MC/dosett.png', alt: '' },
      ],
    }
    const { input, blocks: errors } = validateForm({ ...form, body })
    expect(input).toBeUndefined()
    expect(errors[0]).toMatch(/^Lenker må begynne med https:\/\//)
    expect(errors[1]).toMatch(/alternativ tekst/)
    expect(blockLabel(body, 1)).toBe('Blokk 2 (bilde)')
    expect(validateForm(form).blocks).toEqual({})
  })

  it('tells a changed form from the saved one', () => {
    const form = formFromItem(article())
    const changed = { ...form, fields: setPath(form.fields, 'title', 'Ny tittel') }
    expect(fingerprint(formFromItem(article()))).toBe(fingerprint(form))
    expect(fingerprint(changed)).not.toBe(fingerprint(form))
    expect(form.fields.title).toBe('Trygg legemiddelhåndtering')
  })

  it('reads and writes dotted paths without touching the original', () => {
    const source = { video: { durationSeconds: 10 }, episodes: [{ title: 'A' }] }
    const next = setPath(setPath(source, 'video.captions', '/media/x.vtt'), 'episodes.0.title', 'B')
    expect(getPath(next, 'video.captions')).toBe('/media/x.vtt')
    expect(getPath(next, 'episodes.0.title')).toBe('B')
    expect(Array.isArray(next.episodes)).toBe(true)
    expect(source).toEqual({ video: { durationSeconds: 10 }, episodes: [{ title: 'A' }] })
    expect(numberish(' 42 ')).toBe(42)
    expect(numberish('4,5')).toBe('4,5')
  })
})
