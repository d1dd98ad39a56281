import { describe, expect, it } from 'vitest'
import type { ContentCard } from '../../../functions/content/schema.ts'
import type { SearchDocument } from '../../../functions/search/documents.ts'
import { SearchIndex } from '../../../functions/search/engine.ts'
import { snippet } from '../../../functions/search/highlight.ts'
import { parseQuery } from '../../../functions/search/query.ts'

const now = Date.parse('2026-12-01T12:00:00Z')
let serial = 0
function doc(fields: { title: string; summary?: string; text?: string; tenant?: string; editions?: string[]; publishedAt?: string }): SearchDocument {
  const tenant = fields.tenant ?? 'nasjonal'
  const id = `01J${String(++serial).padStart(23, '0')}`
  const card: ContentCard = {
    id,
    tenant,
    type: 'artikler',
    slug: `sak-${serial}`,
    title: fields.title,
    summary: fields.summary ?? 'Kort ingress.',
    topics: [],
    audiences: [],
    sharedNationally: true,
    publishedAt: fields.publishedAt ?? '2026-11-01T09:00:00Z',
  }
  return { card, text: fields.text ?? '', editions: fields.editions ?? [tenant, 'nasjonal'] }
}

function indexOf(...docs: SearchDocument[]) {
  const index = new SearchIndex()
  for (const d of docs) index.put(d)
  return index
}
const titles = (index: SearchIndex, q: string, edition = 'nasjonal') =>
  index.search(parseQuery(q), { edition, nationalTenant: 'nasjonal', now }).map((match) => match.doc.card.title)

describe('search engine', () => {
  const dementia = doc({ title: 'Demens – grunnkurs for helsefagarbeidere', summary: 'Om personer med demens og deres pårørende.' })
  const medicines = doc({ title: 'Legemiddelhåndtering i hjemmetjenesten', summary: 'Trygg håndtering av legemidler.' })
  const wounds = doc({ title: 'Sårbehandling og trykksår', summary: 'Sykepleiere lærer å vurdere sår.' })
  const copd = doc({ title: 'Pust og mestring ved KOLS', summary: 'For KOLS-pasienter og deres sykepleier.' })
  const delirium = doc({ title: 'Delirium hos eldre på sykehus', summary: 'Akutt forvirring: forebygging og tiltak.' })
  const nutrition = doc({ title: 'Ernæring for eldre', summary: 'Underernæring er vanlig.' })
  const index = indexOf(dementia, medicines, wounds, copd, delirium, nutrition)

  it('finds an inflected form ("sykepleiere" → "sykepleier", "pasienten" → "pasienter")', () => {
    expect(titles(index, 'sykepleiere')).toContain('Pust og mestring ved KOLS')
    expect(titles(index, 'pasienten')).toEqual(['Pust og mestring ved KOLS'])
  })

  it('finds compounds by their first part ("legemiddel" → "legemiddelhåndtering", "sår" → "sårbehandling")', () => {
    expect(titles(index, 'legemiddel')).toEqual(['Legemiddelhåndtering i hjemmetjenesten'])
    expect(titles(index, 'sår')[0]).toBe('Sårbehandling og trykksår')
  })

  it('forgives typos ("demnes" → "demens", "deliruim" → "delirium")', () => {
    expect(titles(index, 'demnes')).toEqual(['Demens – grunnkurs for helsefagarbeidere'])
    expect(titles(index, 'deliruim')).toEqual(['Delirium hos eldre på sykehus'])
  })

  it('needs every word of a multi-word query, and takes any of them when none has all', () => {
    expect(titles(index, 'delirium hos eldre')).toEqual(['Delirium hos eldre på sykehus'])
    expect(titles(index, 'eldre')).toHaveLength(2)
    expect(titles(index, 'demens kols').sort()).toEqual(['Demens – grunnkurs for helsefagarbeidere', 'Pust og mestring ved KOLS'])
  })

  it('keeps æ, ø and å apart, but finds them typed as ae, o and aa', () => {
    const sar = indexOf(doc({ title: 'Sar i Midtøsten', summary: 'Et stedsnavn.' }), wounds)
    expect(titles(sar, 'sår')).toEqual(['Sårbehandling og trykksår'])
    expect(titles(sar, 'sar')).toEqual(['Sar i Midtøsten'])
    expect(titles(index, 'saarbehandling')).toEqual(['Sårbehandling og trykksår'])
    expect(titles(index, 'ernaering')).toEqual(['Ernæring for eldre'])
    expect(titles(index, 'legemiddelhaandtering')).toEqual(['Legemiddelhåndtering i hjemmetjenesten'])
    expect(titles(indexOf(doc({ title: 'Søvn og uro' })), 'sovn')).toEqual(['Søvn og uro'])
  })

  it('ranks a word in the title over the same word in the body', () => {
    const inBody = doc({ title: 'Fagdag i Hamar', text: 'Programmet handler om palliasjon i kommunen.' })
    const inTitle = doc({ title: 'Palliasjon i kommunen', text: 'Program for dagen.' })
    expect(titles(indexOf(inBody, inTitle), 'palliasjon')).toEqual(['Palliasjon i kommunen', 'Fagdag i Hamar'])
  })

  it('ranks newer over older when they match alike', () => {
    const old = doc({ title: 'Smittevern i sykehjem', publishedAt: '2022-01-10T09:00:00Z' })
    const fresh = doc({ title: 'Smittevern i sykehjem', publishedAt: '2026-11-20T09:00:00Z' })
    expect(indexOf(old, fresh).search(parseQuery('smittevern'), { edition: 'nasjonal', nationalTenant: 'nasjonal', now }).map((m) => m.doc.card.publishedAt)).toEqual([
      fresh.card.publishedAt,
      old.card.publishedAt,
    ])
  })

  it("puts the reader's own edition first, then shared national content; another region's unshared item never", () => {
    const national = doc({ title: 'Velferdsteknologi i praksis', summary: 'Velferdsteknologi for alle.', tenant: 'nasjonal' })
    const own = doc({ title: 'Velferdsteknologi', tenant: 'innlandet', editions: ['innlandet'] })
    const other = doc({ title: 'Velferdsteknologi hos oss', tenant: 'vestfold', editions: ['vestfold'] })
    const both = indexOf(national, own, other)
    expect(titles(both, 'velferdsteknologi', 'innlandet')).toEqual(['Velferdsteknologi', 'Velferdsteknologi i praksis'])
    expect(titles(both, 'velferdsteknologi', 'nasjonal')).toEqual(['Velferdsteknologi i praksis'])
  })

  it('follows changes one document at a time: replaced, removed', () => {
    const local = indexOf(doc({ title: 'Rus og psykisk helse' }))
    const changed = doc({ title: 'Rusmiddelbruk hos ungdom' })
    local.put(changed)
    expect(titles(local, 'ungdom')).toEqual(['Rusmiddelbruk hos ungdom'])
    local.put({ ...changed, card: { ...changed.card, title: 'Rus blant eldre' } })
    expect(titles(local, 'ungdom')).toEqual([])
    local.remove(`${changed.card.tenant}/${changed.card.id}`)
    expect(titles(local, 'eldre')).toEqual([])
  })

  it('offers "Mente du …?" with the nearest word it holds, and leaves known words and compound starts alone', () => {
    expect(index.correction(parseQuery('demnes'))).toBe('demens')
    expect(index.correction(parseQuery('deliruim hos eldre'))).toBe('delirium hos eldre')
    expect(index.correction(parseQuery('legemiddel'))).toBeUndefined()
    expect(index.correction(parseQuery('demens'))).toBeUndefined()
  })

  it('marks the words the query met in a snippet, as text', () => {
    const [match] = index.search(parseQuery('pårørende'), { edition: 'nasjonal', nationalTenant: 'nasjonal', now })
    const parts = snippet('Kurset er for ansatte som møter personer med demens og deres pårørende i hverdagen.', new Set(match!.terms))!
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['pårørende'])
    expect(parts.map((part) => part.text).join('')).toContain('deres pårørende i hverdagen')
  })
})
