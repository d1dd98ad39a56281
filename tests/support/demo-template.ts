import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { inject } from 'vitest'
import type { Services } from '../../functions/services.ts'
import { copyTable } from '../../infra/ops/copy.ts'
import { seedDemoContent } from '../../infra/local/seed/index.ts'
import { createTestEnvironment } from './environment.ts'

/** The demo content as seeded once in this test run: its tables and bucket in the shared emulators, and its clock. */
export interface DemoTemplate {
  tables: { content: string; counters: string }
  bucket: string
  /** The `now` the seed placed its dates around (events, schedules). */
  now: string
  /** What the seed answered, into empty tables: every item created, none skipped (tests/infra/local/seed.integration). */
  result: { created: number; skipped: number }
}

let template: Promise<DemoTemplate> | undefined

/**
 * The demo seed (infra/local/seed) run once per test run, whichever test file asks first, in the shared DynamoDB
 * Local and s3rver: ~1,500 requests and ~20 s a time, which twenty test files each paid before, on two cores. The
 * first file to take the lock seeds; the others wait for its ready file, or fail with its error.
 */
export function demoTemplate(): Promise<DemoTemplate> {
  template ??= seedOnce()
  return template
}

async function seedOnce(): Promise<DemoTemplate> {
  const { templateDir } = inject('emulators')
  const ready = join(templateDir, 'ready.json')
  const failed = join(templateDir, 'failed.txt')
  const seeder = await mkdir(join(templateDir, 'lock')).then(
    () => true,
    () => false,
  )
  if (seeder) {
    try {
      const now = new Date()
      const { config, services } = await createTestEnvironment('demo-template')
      const result = await seedDemoContent(services, { now })
      const seeded: DemoTemplate = { tables: config.tables, bucket: config.mediaBucket, now: now.toISOString(), result }
      await writeFile(ready, JSON.stringify(seeded))
      return seeded
    } catch (error) {
      await writeFile(failed, (error as Error).stack ?? String(error))
      throw error
    }
  }
  const deadline = Date.now() + 10 * 60_000
  while (Date.now() < deadline) {
    const seeded = await readFile(ready, 'utf8').catch(() => undefined)
    if (seeded) return JSON.parse(seeded) as DemoTemplate
    const error = await readFile(failed, 'utf8').catch(() => undefined)
    if (error) throw new Error(`Seeding the demo template failed in another test file:\n${error}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('The demo template was not seeded within 10 minutes')
}

/**
 * Copies the seeded demo content into a test system's own tables and bucket: every table item as it is (BatchWrite,
 * 25 at a time) and the bucket's files on disk into `s3Dir`, the folder of the s3rver that serves `bucket` — its own
 * settings (CORS for its origin) stay. What readers and editors then see is what a fresh `npm start` seeds.
 */
export async function copyDemoContent(services: Services, s3Dir: string = inject('emulators').s3Dir): Promise<DemoTemplate> {
  const seeded = await demoTemplate()
  const templateBucketDir = join(inject('emulators').s3Dir, seeded.bucket)
  await cp(templateBucketDir, join(s3Dir, services.config.mediaBucket), {
    recursive: true,
    // Bucket settings (CORS, website) sit at the bucket folder's top as `._S3rver_*`; objects never start so.
    filter: (source) => !(dirname(source) === templateBucketDir && basename(source).startsWith('._S3rver_')),
  })
  await Promise.all([
    copyTable(services.db.client, seeded.tables.content, services.config.tables.content),
    copyTable(services.db.client, seeded.tables.counters, services.config.tables.counters),
  ])
  return seeded
}
