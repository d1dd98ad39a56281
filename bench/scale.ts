import { HTTPException } from 'hono/http-exception'
import type { ContentFields } from '../functions/content/schema.ts'
import { createAwsClients } from '../functions/shared/aws.ts'
import type { RuntimeConfig } from '../functions/shared/config.ts'
import { createServices, NATIONAL_TENANT, type Services } from '../functions/services.ts'
import { contentTable, countersTable, tableName } from '../infra/definitions.ts'
import { provision } from '../infra/local/provision.ts'
import { regions, topics } from '../infra/local/seed/index.ts'
import type { AssetManifest } from '../web/assets.ts'
import { createSiteApp } from '../web/site/app.tsx'
import { testArticle } from '../tests/support/fixtures.ts'
import { get } from './http.ts'
import { latencySummary, mapLimited, timed } from './stats.ts'
import type { Hono } from 'hono'

export interface ScaleOptions {
  items: number
  tenant: string
  concurrency: number
  /** Calls per page for the latency figures. */
  calls: number
  /** The page whose cost must stay that of page 1. */
  deepPage: number
  pageSize: number
}

type Summary = ReturnType<typeof latencySummary>

export interface ScaleResult {
  options: ScaleOptions
  /** `items` below `options.items` when seeding hit the run's time budget (the table says so). */
  seed: { items: number; ms: number; itemsPerSecond: number; retries: number }
  store: { first: Summary; deep: Summary; firstSamples: number[]; deepSamples: number[] }
  http: { first: Summary; deep: Summary; firstSamples: number[]; deepSamples: number[]; deepRequests: string[] }
}

const is409 = (error: unknown) => error instanceof HTTPException && error.status === 409

/**
 * Creates and publishes one item, retrying the few transactions DynamoDB Local cancels when 16 writers
 * touch the edition's STATS record at once (a real 409 would be a bug here: slugs are unique).
 */
async function createAndPublish(services: Services, fields: ContentFields, onRetry: () => void) {
  for (let attempt = 0; ; attempt++) {
    try {
      // After a cancelled transaction, find out how far the item got before going on.
      let item = attempt > 0 ? await services.content.getItem(fields.tenant, fields.id) : undefined
      item ??= await services.content.create(fields)
      if (item.status !== 'published') await services.content.publish(item.tenant, item.id, item.version)
      return
    } catch (error) {
      if (!is409(error) || attempt >= 8) throw error
      onRetry()
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)))
    }
  }
}

/**
 * List latency at scale: `items` small articles in one tenant, in tables of their own in the same DynamoDB
 * Local, then the first and a deep page of the tenant's article listing, from the store and over HTTP.
 */
export async function measureScale(
  endpoints: { dynamodb: string; s3: string },
  manifest: AssetManifest,
  serveApp: (app: Hono) => Promise<string>,
  options: ScaleOptions,
  log: (line: string) => void,
  /** performance.now() after which no more items are seeded, so the whole run keeps to its budget. */
  seedUntil = Number.POSITIVE_INFINITY,
): Promise<ScaleResult> {
  const prefix = 'kb-bench-scale'
  const config: RuntimeConfig = {
    region: 'eu-north-1',
    tables: { content: tableName(prefix, contentTable), counters: tableName(prefix, countersTable) },
    mediaBucket: `${prefix}-media`,
    endpoints,
    siteOrigin: 'http://127.0.0.1',
  }
  const clients = createAwsClients(config)
  await provision(clients, config)
  const services = createServices(config, clients)
  for (const region of regions.filter((candidate) => [NATIONAL_TENANT, options.tenant].includes(candidate.tenant.id)))
    await services.catalog.putTenant(region.tenant)
  for (const topic of topics) await services.catalog.putTopic(topic)

  let retries = 0
  let done = 0
  const topicSlugs = topics.map((topic) => topic.slug)
  const seeded = await timed(() =>
    mapLimited(Array.from({ length: options.items }, (_, index) => index), options.concurrency, async (index) => {
      if (performance.now() > seedUntil) return
      const fields = testArticle(options.tenant, `skala-${String(index).padStart(5, '0')}`, {
        title: `Fagartikkel nummer ${index} om pasientsikkerhet og samhandling`,
        summary: 'En kort ingress som forteller leseren hva saken handler om.',
        topics: [topicSlugs[index % topicSlugs.length]!],
      })
      await createAndPublish(services, fields, () => retries++)
      if (++done % 1000 === 0) log(`  seeded ${done}/${options.items}`)
    }),
  )

  if (done < options.items) log(`  seeding stopped at ${done} items to keep to the time budget`)
  if (done < (options.deepPage + 1) * options.pageSize) throw new Error(`only ${done} items seeded in time: too few for page ${options.deepPage}`)

  const query = (cursor?: string) => services.content.listEdition(options.tenant, { type: 'artikler', limit: options.pageSize, cursor })
  let deepCursor: string | undefined
  for (let page = 1; page < options.deepPage; page++) {
    deepCursor = (await query(deepCursor)).nextCursor
    if (!deepCursor) throw new Error(`the listing ended before page ${options.deepPage}`)
  }
  const first = await query()
  const deep = await query(deepCursor)
  if (first.items.length !== options.pageSize || deep.items.length !== options.pageSize) throw new Error('scale listing pages are not full')
  if (first.items[0]!.id === deep.items[0]!.id) throw new Error('the deep page repeats the first page')

  // Interleaved, so drift in the machine's load touches both pages alike.
  const sample = async (a: () => Promise<unknown>, b: () => Promise<unknown>) => {
    for (let index = 0; index < 20; index++) {
      await a()
      await b()
    }
    const first: number[] = []
    const deep: number[] = []
    for (let index = 0; index < options.calls; index++) {
      first.push((await timed(a)).ms)
      deep.push((await timed(b)).ms)
    }
    return { first: latencySummary(first), deep: latencySummary(deep), firstSamples: first, deepSamples: deep }
  }
  log(`  store: ${options.calls} calls each of page 1 and page ${options.deepPage}`)
  const store = await sample(() => query(), () => query(deepCursor))

  const siteUrl = await serveApp(createSiteApp(services, { assets: () => manifest, pageSize: options.pageSize }))
  const listingUrl = `${siteUrl}/${options.tenant}/artikler`
  const deepUrl = `${listingUrl}?fra=${encodeURIComponent(deepCursor!)}`
  const page = async (url: string) => {
    const response = await get(url)
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  }
  log(`  http: ${options.calls} calls each of ${new URL(listingUrl).pathname} page 1 and page ${options.deepPage}`)
  const http = await sample(() => page(listingUrl), () => page(deepUrl))
  await services.catalog.get()
  const deepRequests: string[] = []
  const stop = services.clients.onDynamoRequest((operation) => deepRequests.push(operation))
  await page(deepUrl)
  stop()

  return {
    options,
    seed: { items: done, ms: seeded.ms, itemsPerSecond: done / (seeded.ms / 1000), retries },
    store,
    http: { ...http, deepRequests },
  }
}
