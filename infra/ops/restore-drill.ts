import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb'
import { HeadBucketCommand } from '@aws-sdk/client-s3'
import { itemPath } from '../../functions/content/paths.ts'
import { contentTypes, type ContentType } from '../../functions/content/schema.ts'
import { parseMediaPath } from '../../functions/media/paths.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createServices, type Services } from '../../functions/services.ts'
import { createAwsClients, type AwsClients } from '../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { mediaPathPrefix } from '../definitions.ts'
import { provision } from '../local/provision.ts'
import { createLocalRouter } from '../local/router.ts'
import { copyBucket, copyTable, countItems, listKeys } from './copy.ts'

/**
 * The restore drill (issue 15; docs/runbook.md "Restore"): what AWS Backup and point-in-time recovery do — restore into
 * a NEW table and bucket, never over the live ones — played on whatever `source` points at (the emulators locally):
 * tables made fresh from infra/definitions.ts, every item and object copied, then the site started against the copy
 * and checked as an operator would before pointing the stacks at it.
 */
export interface RestoreTarget {
  tables: { content: string; counters: string }
  mediaBucket: string
}

export interface DrillReport {
  copied: { content: number; counters: number; objects: number }
  /** Every page and media file asked for on the restored copy, with its status. */
  checked: Array<{ path: string; status: number }>
  /** Count records checked: per edition and type, the stored count against a recount of the listing. */
  counts: number
  /** What does not match; empty when the restore is good. */
  problems: string[]
  seconds: number
}

const notFound = { fetch: () => new Response('Not found', { status: 404 }) }

export async function restoreDrill(source: RuntimeConfig, target: RestoreTarget, log: (line: string) => void = () => {}): Promise<DrillReport> {
  const started = performance.now()
  const clients = createAwsClients(source)
  await refuseExisting(clients, target)
  const restored: RuntimeConfig = { ...source, tables: target.tables, mediaBucket: target.mediaBucket }
  // The same definitions CDK builds the live tables from (keys, indexes, stream, TTL), and the bucket with its CORS.
  await provision(clients, restored)
  log(`created ${target.tables.content}, ${target.tables.counters} and bucket ${target.mediaBucket}`)
  const [content, counters, objects] = await Promise.all([
    copyTable(clients.dynamo, source.tables.content, target.tables.content),
    copyTable(clients.dynamo, source.tables.counters, target.tables.counters),
    copyBucket(clients.s3, source.mediaBucket, target.mediaBucket),
  ])
  log(`copied ${content} content items, ${counters} counters and ${objects} objects`)
  const verified = await verifyRestore(restored, source, log)
  return { copied: { content, counters, objects }, ...verified, seconds: (performance.now() - started) / 1000 }
}

/** A restore never writes over anything: the target names must be free. */
async function refuseExisting(clients: AwsClients, target: RestoreTarget) {
  for (const table of Object.values(target.tables)) {
    const exists = await clients.dynamoControl.send(new DescribeTableCommand({ TableName: table })).then(
      () => true,
      (error) => (error instanceof ResourceNotFoundException ? false : Promise.reject(error)),
    )
    if (exists) throw new Error(`Table ${table} exists already: a restore goes into a new table. Choose another name.`)
  }
  const bucket = await clients.s3.send(new HeadBucketCommand({ Bucket: target.mediaBucket })).then(
    () => true,
    () => false,
  )
  if (bucket) throw new Error(`Bucket ${target.mediaBucket} exists already: a restore goes into a new bucket. Choose another name.`)
}

/**
 * Checks a restored copy: the site started on it answers 200 for every edition's front page and newest item and a
 * sample of media, and each edition's stored counts per type equal a recount of its listing. With its `source` (the
 * drill; not after a real incident, when the live data is what went wrong) also the same number of items in each
 * table, the same object keys and the same counts as the source.
 */
export async function verifyRestore(restored: RuntimeConfig, source?: RuntimeConfig, log: (line: string) => void = () => {}) {
  const problems: string[] = []
  const clients = createAwsClients(restored)
  if (source)
    for (const table of ['content', 'counters'] as const) {
      const [before, after] = await Promise.all([countItems(clients.dynamo, source.tables[table]), countItems(clients.dynamo, restored.tables[table])])
      if (before !== after) problems.push(`${table}: ${after} items restored, ${before} in the source`)
    }
  const restoredKeys = await listKeys(clients.s3, restored.mediaBucket)
  const sourceKeys = source ? await listKeys(clients.s3, source.mediaBucket) : restoredKeys
  const missing = sourceKeys.filter((key) => !restoredKeys.includes(key))
  if (missing.length || sourceKeys.length !== restoredKeys.length)
    problems.push(`media: ${restoredKeys.length} objects restored, ${sourceKeys.length} in the source${missing.length ? `; missing ${missing.slice(0, 3).join(', ')}` : ''}`)

  const services = createServices(restored, clients)
  const original = source ? createServices(source, createAwsClients(source)) : services
  const router = createLocalRouter({
    site: createSiteApp(services, { assets: () => ({}), renderCache: false }),
    publicApi: createPublicApiApp(services),
    exams: notFound,
    search: notFound,
    editorApi: notFound,
    s3: clients.s3,
    mediaBucket: restored.mediaBucket,
    assetsDir: '/nonexistent',
  })
  const paths: string[] = []
  const catalog = await services.catalog.get()
  let counts = 0
  for (const tenant of catalog.tenants) {
    const cards = await services.content.allEditionCards(tenant.id)
    // The national edition's front page is the site's own; /nasjonal redirects there.
    paths.push(tenant.national ? '/' : `/${tenant.id}`, ...cards.slice(0, 1).map((card) => itemPath(card)))
    const [stored, before] = await Promise.all([services.content.counts(tenant.id), original.content.counts(tenant.id)])
    for (const type of contentTypes as readonly ContentType[]) {
      const recounted = cards.filter((card) => card.type === type).length
      counts++
      if (stored(type) !== recounted || stored(type) !== before(type))
        problems.push(`${tenant.id} ${type}: counted ${stored(type)}, listed ${recounted}${source ? `, ${before(type)} in the source` : ''}`)
    }
  }
  paths.push(...restoredKeys.filter((key) => parseMediaPath(`${mediaPathPrefix}${key}`)).slice(0, 5).map((key) => `${mediaPathPrefix}${key}`))
  const checked: DrillReport['checked'] = []
  for (const path of paths) {
    const response = await router.request(path)
    await response.arrayBuffer()
    checked.push({ path, status: response.status })
    if (response.status !== 200) problems.push(`${path} answered ${response.status} on the restored copy`)
  }
  log(`checked ${checked.length} pages and files and ${counts} counts: ${problems.length ? `${problems.length} problems` : 'all good'}`)
  return { checked, counts, problems }
}
