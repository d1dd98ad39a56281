import type { ContentCard } from '../functions/content/schema.ts'
import { audiences } from '../functions/content/vocabulary.ts'
import { NATIONAL_TENANT, type Services } from '../functions/services.ts'
import type { PublishedItem } from '../functions/content/schema.ts'
import { searchDocument, type SearchDocument } from '../functions/search/documents.ts'
import { SearchIndex } from '../functions/search/engine.ts'
import * as keys from '../functions/search/keys.ts'
import { createSearchLoader } from '../functions/search/loader.ts'
import { runSearch } from '../functions/search/results.ts'
import { createAwsClients } from '../functions/shared/aws.ts'
import type { RuntimeConfig } from '../functions/shared/config.ts'
import { createServices } from '../functions/services.ts'
import { contentTable, countersTable, tableName } from '../infra/definitions.ts'
import { provision } from '../infra/local/provision.ts'
import { demoItems, regions, topics } from '../infra/local/seed/index.ts'
import { loadFixtures } from '../infra/local/seed/fixtures.ts'
import { testArticle } from '../tests/support/fixtures.ts'
import { latencySummary, mapLimited, percentile, timed } from './stats.ts'

/** Queries as readers type them: words, inflections, compounds, typos, several words, æøå on a foreign keyboard. */
const queries = ['demens', 'legemiddel', 'sykepleiere', 'kols', 'sårbehandling', 'saarbehandling', 'delirium hos eldre', 'demnes', 'palliasjon hjemme', 'ernæring eldre', 'smittevern', 'insulin', 'motiverende intervju', 'velferdsteknologi', 'trykksår forebygging', 'barn som pårørende', 'hjerneslag', 'rus', 'søvn', 'akutt syke eldre']

export interface SearchFigures {
  documents: number
  terms: number
  indexBytes: number
  documentBytes: number
  /** Reading every document from DynamoDB Local and indexing it, as a cold search function does. */
  coldLoadMs: number
  /** A whole search as the API answers it (match, rank, facets, snippets), in memory. */
  query: { p50: number; p95: number; samples: number }
}
export interface SearchBenchResult {
  demo: SearchFigures & { incremental: { publishMs: number; applyMs: number; samples: number } }
  /** Documents each holding ten items' words: every topic word in half of them (adversarial). */
  scale: SearchFigures
  /** The same number of documents, each one demo item's own text (so each item about 65 times), indexed in memory. */
  repeated?: Omit<SearchFigures, 'coldLoadMs'> & { buildMs: number }
}

function queryTimes(index: SearchIndex, rounds: number) {
  const samples: number[] = []
  for (let round = 0; round < rounds; round++)
    for (const q of queries) {
      const started = performance.now()
      runSearch(index, { q, edition: round % 2 ? 'innlandet' : NATIONAL_TENANT, limit: 20 }, { nationalTenant: NATIONAL_TENANT, now: Date.now() })
      samples.push(performance.now() - started)
    }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length }
}

async function figures(services: Pick<Services, 'db' | 'catalog'>, rounds: number): Promise<{ figures: SearchFigures; index: SearchIndex }> {
  const loader = createSearchLoader(services.db, { tenants: async () => (await services.catalog.get()).tenants.map((tenant) => tenant.id), refreshMs: Number.POSITIVE_INFINITY })
  const { ms: coldLoadMs, value: index } = await timed(() => loader.reload())
  return { figures: { ...index.stats(), coldLoadMs, query: queryTimes(index, rounds) }, index }
}

/** `count` documents, each one demo item's own document (title, summary, body and the rest), under its own id. */
function repeatedDocuments(count: number): SearchDocument[] {
  const items = demoItems({ now: new Date(), fixtures: loadFixtures() })
  const tenants = regions.map((region) => region.tenant.id)
  return Array.from({ length: count }, (_, n) => {
    const fields = items[n % items.length]!.fields
    const tenant = tenants[n % tenants.length]!
    const published = { ...fields, tenant, id: `01J${String(n).padStart(23, '0')}`, slug: `${fields.slug}-${n}`, publishedAt: new Date(Date.now() - n * 3_600_000).toISOString(), updatedAt: new Date().toISOString() } as PublishedItem
    return searchDocument(published, n % 3 ? [tenant] : [tenant, NATIONAL_TENANT])
  })
}

/** A synthetic document made of the demo content's own words, so the vocabulary is Norwegian and realistic. */
function syntheticDocuments(count: number): SearchDocument[] {
  const items = demoItems({ now: new Date(), fixtures: loadFixtures() })
  const texts = items.map((item) => `${item.fields.title}. ${item.fields.summary}`)
  const tenants = regions.map((region) => region.tenant.id)
  return Array.from({ length: count }, (_, n) => {
    const source = items[n % items.length]!.fields
    const tenant = tenants[n % tenants.length]!
    const card: ContentCard = {
      id: `01J${String(n).padStart(23, '0')}`,
      tenant,
      type: source.type,
      slug: `${source.slug}-${n}`,
      title: `${source.title} ${n % 7 ? '' : '– oppdatert'}`.trim(),
      summary: source.summary,
      topics: source.topics,
      audiences: [audiences[n % audiences.length]!],
      sharedNationally: n % 3 === 0,
      publishedAt: new Date(Date.now() - n * 3_600_000).toISOString(),
    }
    // About 1.5 KB of body text from ten other items' words.
    const text = Array.from({ length: 10 }, (_, k) => texts[(n * 7 + k * 13) % texts.length]).join(' ')
    return { card, text, editions: n % 3 === 0 ? [tenant, NATIONAL_TENANT] : [tenant] }
  })
}

/**
 * Search at the demo size (the bench system's seeded tables) and at `scaleItems` documents (tables of their own,
 * documents written straight to DynamoDB Local): cold load, query p50/p95 in memory, index bytes; and at the demo
 * size the incremental update, a publish followed by a warm index applying it from the change log.
 */
export async function measureSearch(services: Services, endpoints: { dynamodb: string; s3: string }, scaleItems: number, log: (line: string) => void): Promise<SearchBenchResult> {
  log('  demo size: cold load and queries')
  const demo = await figures(services, 20)

  log('  demo size: publish, then a warm index applies the change')
  const warm = createSearchLoader(services.db, { tenants: async () => (await services.catalog.get()).tenants.map((tenant) => tenant.id), refreshMs: 0, onLoad: (event) => event.kind === 'changes' && applied.push(event.ms) })
  const applied: number[] = []
  const published: number[] = []
  await warm.ready()
  for (let n = 0; n < 10; n++) {
    published.push((await timed(() => services.content.create(testArticle('innlandet', `sok-bench-${Date.now().toString(36)}-${n}`, { title: `Benkmerking av søk ${n}` })).then((item) => services.content.publish(item.tenant, item.id, item.version)))).ms)
    await warm.ready()
  }

  log(`  ${scaleItems} documents of ten items' words each: writing them to tables of their own`)
  const prefix = 'kb-bench-search'
  const config: RuntimeConfig = { region: 'eu-north-1', tables: { content: tableName(prefix, contentTable), counters: tableName(prefix, countersTable) }, mediaBucket: `${prefix}-media`, endpoints }
  const clients = createAwsClients(config)
  await provision(clients, config)
  const scaleServices = createServices(config, clients)
  for (const region of regions) await scaleServices.catalog.putTenant(region.tenant)
  for (const topic of topics) await scaleServices.catalog.putTopic(topic)
  await mapLimited(syntheticDocuments(scaleItems), 16, (doc) => scaleServices.db.put({ PK: keys.tenantPk(doc.card.tenant), SK: keys.documentSk(doc.card.id), ...doc }))
  log(`  ${scaleItems} documents: cold load and queries`)
  const scale = await figures(scaleServices, 10)
  log(`  ${scaleItems} documents of the demo items' own text: indexed and queried in memory`)
  const index = new SearchIndex()
  const built = await timed(async () => repeatedDocuments(scaleItems).forEach((doc) => index.put(doc)))

  return {
    demo: { ...demo.figures, incremental: { publishMs: latencySummary(published).p50, applyMs: applied.length ? percentile(applied, 50) : Number.NaN, samples: applied.length } },
    scale: scale.figures,
    repeated: { ...index.stats(), buildMs: built.ms, query: queryTimes(index, 10) },
  }
}
