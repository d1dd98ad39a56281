import { describe, expect, it } from 'vitest'
import { editionsOf } from '../../../functions/content/entries.ts'
import type { PublishedItem } from '../../../functions/content/schema.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { searchDocument } from '../../../functions/search/documents.ts'
import { SearchIndex } from '../../../functions/search/engine.ts'
import { parseQuery } from '../../../functions/search/query.ts'
import { loadFixtures } from '../../../infra/local/seed/fixtures.ts'
import { demoItems } from '../../../infra/local/seed/index.ts'

/**
 * Relevance over the demo content (issue 12): a fixed set of Norwegian queries as readers type them, each naming the
 * item that must come in the top three of the search in its own edition. Built from the seed's own items, so a change
 * to analysis, weights or ranking that makes search worse for real content fails here.
 */
const now = new Date('2026-12-01T10:00:00Z')
const index = new SearchIndex()
const items = demoItems({ now, fixtures: loadFixtures() })
items.forEach((item, n) => {
  const id = `01J${String(n).padStart(23, '0')}`
  const published = { ...item.fields, id, publishedAt: new Date(now.getTime() - n * 3600_000).toISOString(), updatedAt: now.toISOString() } as PublishedItem
  index.put(searchDocument(published, editionsOf(published, NATIONAL_TENANT)))
})
const editionOf = (title: string) => items.find((item) => item.fields.title === title)!.fields.tenant

const queries: Array<[kind: string, query: string, title: string]> = [
  ['inflection', 'sykepleiere', 'Simuleringstrening for sykepleiere i kommunene'],
  ['inflection', 'insulinbehandlingen', 'Insulinbehandling i hjemmetjenesten'],
  ['inflection', 'medisindispensere', 'Medisindispenser i hjemmetjenesten'],
  ['compound', 'legemiddel helsefagarbeidere', 'Legemiddelhåndtering for helsefagarbeidere'],
  ['compound', 'hverdagsrehab', 'Hverdagsrehabilitering: mestring i eget hjem'],
  ['typo', 'motiverende intervjiu', 'Motiverende intervju i praksis'],
  ['typo', 'naloxon', 'Nalokson nesespray: forebygg overdosedødsfall'],
  ['typo', 'deliruim forebygging', 'Delirium hos eldre: forebygging og tidlig oppdagelse'],
  ['multi-word', 'trykksår forebygging', 'Trykksår: forebygging med risikovurdering'],
  ['multi-word', 'pakkeforløp hjem kreft', 'Pakkeforløp hjem for pasienter med kreft'],
  ['æøå', 'sarbehandling bandasje', 'Sårbehandling: valg av bandasje'],
  ['æøå', 'saarbehandling bandasje', 'Sårbehandling: valg av bandasje'],
  ['æøå', 'ernaering kols', 'Ernæring ved KOLS'],
  ['æøå', 'sovnproblemer', 'Søvnproblemer hos eldre'],
]

describe('relevance over the demo content', () => {
  it.each(queries)('%s: "%s" finds «%s» in the top 3', (_kind, query, title) => {
    const edition = editionOf(title)
    const top = index.search(parseQuery(query), { edition, nationalTenant: NATIONAL_TENANT, now: now.getTime() }).slice(0, 3).map((match) => match.doc.card.title)
    expect(top, `${query} in ${edition}`).toContain(title)
  })
})
