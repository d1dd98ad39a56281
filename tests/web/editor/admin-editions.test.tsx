import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../web/editor/api/client.ts'
import { parseRoute, paths } from '../../../web/editor/routes.ts'
import { AdminArea } from '../../../web/editor/views/admin/admin-area.tsx'
import { EditionFormPage } from '../../../web/editor/views/admin/edition-form.tsx'
import { blankEdition, colourContrast, draftOf, editionErrors, fieldOfCode, inputOf, type EditionDraft } from '../../../web/editor/views/admin/edition-model.ts'
import { visibilityQuestion } from '../../../web/editor/views/admin/edition-visibility.tsx'
import { EditionsPage } from '../../../web/editor/views/admin/editions.tsx'

const oslo: EditionDraft = { id: 'oslo', name: 'Kompetansebroen Oslo', regionName: 'Oslo', description: 'Redaksjonen i Oslo.', colour: '#5a2d82', organisations: 'Oslo universitetssykehus HF\n\nOslo kommune', contactEmail: 'post@oslo.example.no', national: false, visible: false }
const me = (isAdmin: boolean) => ({ username: 'x@example.no', name: 'X', isAdmin, tenants: [] })
/** No English sentence of the API's reaches the screen (issue 17). */
const noEnglish = (html: string) => expect(html).not.toMatch(/\b(the|is|must|choose|colour|invalid)\b/i)

describe('the admin area: editions (issue 17)', () => {
  it('has its own addresses under /redaktor/admin', () => {
    expect(paths.adminEditions()).toBe('/redaktor/admin/utgaver')
    expect(parseRoute('/redaktor/admin', '')).toEqual({ name: 'adminEditions' })
    expect(parseRoute('/redaktor/admin/utgaver', '')).toEqual({ name: 'adminEditions' })
    expect(parseRoute('/redaktor/admin/utgaver/ny', '')).toEqual({ name: 'adminEdition' })
    expect(parseRoute(paths.adminEdition('oslo'), '')).toEqual({ name: 'adminEdition', id: 'oslo' })
    expect(parseRoute('/redaktor/admin/utgaver/oslo/mer', '')).toEqual({ name: 'notFound' })
  })

  it('tells a non-admin plainly that they have no access, with an h1 and a way back', () => {
    const html = renderToString(<AdminArea route={{ name: 'adminEditions' }} admin={{ api: {} as ApiClient, me: me(false), announce: () => {} }} />)
    expect(html).toContain('<h1 tabindex="-1">Du har ikke tilgang</h1>')
    expect(html).toContain('href="/redaktor/"')
    expect(html).not.toContain('Ny utgave')
  })

  it('lists editions with a way to each and to a new one', () => {
    const html = renderToString(<EditionsPage editions={[{ ...oslo, organisations: [] }]} />)
    expect(html).toContain('<h1 tabindex="-1">Utgaver</h1>')
    expect(html).toContain('href="/redaktor/admin/utgaver/ny"')
    expect(html).toContain('href="/redaktor/admin/utgaver/oslo" aria-label="Rediger Kompetansebroen Oslo"')
    expect(html).toContain('Regional')
  })

  it("shows the brand colour's contrast against white as the editor types, by the server's own rule", () => {
    expect(colourContrast('#5a2d82')).toMatchObject({ ok: true })
    expect(colourContrast('#5a2d82').text).toMatch(/^Kontrast mot hvit tekst: \d+,\d:1\. Godt nok/)
    expect(colourContrast('#ffdd00')).toMatchObject({ ok: false, text: expect.stringContaining('For lys til hvit tekst') })
    expect(colourContrast('#ffd')).toMatchObject({ ok: false, text: expect.stringContaining('seks tegn') })
    const html = renderToString(<EditionFormPage draft={{ ...oslo, colour: '#ffdd00' }} isNew errors={{}} />)
    expect(html).toMatch(/<p id="f-colour-contrast" aria-live="polite" class="field-error">Kontrast mot hvit tekst: 1,\d:1\. For lys/)
  })

  it('finds what is wrong before sending, in bokmål at each field', () => {
    expect(editionErrors(oslo)).toEqual({})
    const errors = editionErrors({ ...blankEdition, id: 'admin', colour: '#eeeeee', contactEmail: 'ikke-epost' })
    expect(errors.id).toBe('Denne kortadressen brukes allerede av nettstedet selv. Velg en annen.')
    expect(errors.colour).toContain('Fargen er for lys til hvit tekst')
    expect(errors.contactEmail).toBe('Skriv en gyldig e-postadresse.')
    expect(errors.name).toBe('Fyll ut feltet.')
    expect(editionErrors({ ...oslo, id: 'Oslo Øst' }).id).toContain('små bokstaver')
    for (const text of Object.values(errors)) noEnglish(text!)
  })

  it("ties each error to its field and links it from the summary; the id can be chosen for new editions only", () => {
    const html = renderToString(<EditionFormPage draft={oslo} isNew errors={{ id: 'Det finnes allerede en utgave med denne kortadressen. Velg en annen.' }} />)
    expect(html).toMatch(/<input id="f-id" name="id" aria-invalid="true" aria-describedby="f-id-hint f-id-error"/)
    expect(html).toContain('<p class="field-error" id="f-id-error">')
    expect(html).toContain('href="#f-id"')
    expect(html).toContain('<h1 tabindex="-1">Ny utgave</h1>')
    noEnglish(html.replace(/<[^>]+>/g, ' '))
    const edit = renderToString(<EditionFormPage draft={oslo} isNew={false} errors={{}} />)
    expect(edit).not.toContain('id="f-id"')
    expect(edit).toContain('<h1 tabindex="-1">Rediger Kompetansebroen Oslo</h1>')
    expect(edit).toMatch(/<label for="colour-picker">Fargevelger<\/label><input id="colour-picker" type="color" value="#5a2d82"/)
  })

  it("puts the API's refusals at the field they concern", () => {
    expect(fieldOfCode('colour_too_light')).toBe('colour')
    expect(fieldOfCode('tenant_exists')).toBe('id')
    expect(fieldOfCode('reserved_id')).toBe('id')
    expect(fieldOfCode('internal')).toBeUndefined()
  })
})

describe("an edition's visibility for readers (issue 17)", () => {
  it('says in the list which editions readers see', () => {
    const { visible: _visible, ...fields } = oslo
    const html = renderToString(<EditionsPage editions={[{ ...fields, organisations: [], hidden: true }, { ...fields, id: 'agder', name: 'Kompetansebroen Agder', organisations: [] }]} />)
    expect(html).toContain('<th scope="col">Synlighet</th>')
    expect(html).toContain('<td><strong>Skjult for lesere</strong></td>')
    expect(html).toContain('<td>Synlig for lesere</td>')
  })

  it('creates an edition hidden unless the admin ticks «Synlig for lesere med en gang»', () => {
    expect(blankEdition.visible).toBe(false)
    expect(inputOf(oslo).hidden).toBe(true)
    expect(inputOf({ ...oslo, visible: true }).hidden).toBe(false)
    const html = renderToString(<EditionFormPage draft={oslo} isNew errors={{}} />)
    expect(html).toMatch(/<input id="f-visible" type="checkbox" aria-describedby="f-visible-hint"\/><label for="f-visible">Synlig for lesere med en gang<\/label>/)
    expect(html).not.toContain('Gjør synlig for lesere')
  })

  it('reads an edition from before visibility existed as live', () => {
    const { visible: _visible, ...fields } = oslo
    expect(draftOf({ ...fields, organisations: [] }).visible).toBe(true)
    expect(draftOf({ ...fields, organisations: [], hidden: true }).visible).toBe(false)
  })

  it('shows a hidden edition as «Skjult for lesere» with «Gjør synlig for lesere», and a live one with the way back', () => {
    const hidden = renderToString(<EditionFormPage draft={oslo} isNew={false} hidden errors={{}} />)
    expect(hidden).toContain('<h2 id="visibility-title">Synlighet</h2>')
    expect(hidden).toContain('<strong>Skjult for lesere</strong>')
    expect(hidden).toContain('<button type="button" class="button button-primary">Gjør synlig for lesere</button>')
    expect(hidden).not.toContain('id="f-visible"')
    const live = renderToString(<EditionFormPage draft={{ ...oslo, visible: true }} isNew={false} hidden={false} errors={{}} />)
    expect(live).toContain('<strong>Synlig for lesere</strong>')
    expect(live).toContain('<button type="button" class="button button-danger">Skjul for lesere</button>')
    const national = renderToString(<EditionFormPage draft={{ ...oslo, national: true, visible: true }} isNew={false} hidden={false} errors={{}} />)
    expect(national).toContain('Den nasjonale utgaven er alltid synlig for lesere.')
    expect(national).not.toContain('Skjul for lesere</button>')
    noEnglish(hidden.replace(/<[^>]+>/g, ' '))
  })

  it('asks before readers start or stop seeing it, naming the action on the button', () => {
    expect(visibilityQuestion('Kompetansebroen Oslo', true)).toMatchObject({ title: 'Gjøre Kompetansebroen Oslo synlig for lesere?', confirm: 'Gjør synlig for lesere' })
    expect(visibilityQuestion('Kompetansebroen Oslo', false)).toMatchObject({ title: 'Skjule Kompetansebroen Oslo for lesere?', confirm: 'Skjul for lesere', danger: true })
  })
})

describe('an admin screen that could not be read', () => {
  it('has an h1 naming the tab, the reason and a way back', async () => {
    const { AdminRefused } = await import('../../../web/editor/views/admin/admin-refused.tsx')
    const html = renderToString(<AdminRefused problem="Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt." />)
    expect(html).toContain('<h1 tabindex="-1">Kan ikke vise administrasjonen</h1>')
    expect(html).toContain('role="alert"')
    expect(html).toContain('href="/redaktor/admin/utgaver"')
  })
})
