import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../../functions/services.ts'
import { createAwsClients } from '../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { startDynamoDbLocal, startS3 } from '../local/emulators.ts'
import { provision } from '../local/provision.ts'
import { seedDemoContent } from '../local/seed/index.ts'
import { restoreDrill, verifyRestore } from './restore-drill.ts'

/**
 * `npm run restore-drill`: the restore drill (docs/runbook.md "Restore") on emulators of its own, in memory and a
 * temporary folder: the demo content seeded as the "live" data, restored into new tables and a new bucket, and the
 * site checked on the copy. Exits 1 when anything does not match. Loopback only; touches no AWS account.
 *
 * `npm run restore-drill -- --verify content-table,counters-table,bucket`: only the checks, on a restore made in AWS
 * (AWS_REGION and the operator's credentials; reads only).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
const log = (line: string) => console.log(`  ${line}`)
const { values: args } = parseArgs({ options: { verify: { type: 'string' } } })

if (args.verify !== undefined) {
  const [content, counters, mediaBucket] = args.verify.split(',')
  if (!content || !counters || !mediaBucket) throw new Error('--verify takes the restored content-table,counters-table,bucket')
  const { problems, checked, counts } = await verifyRestore({ region: process.env.AWS_REGION ?? 'eu-north-1', tables: { content, counters }, mediaBucket }, undefined, log)
  console.log(`Checked ${checked.length} pages and files and ${counts} counts on the restored copy.`)
  console.log(problems.length ? `PROBLEMS:\n${problems.map((problem) => `  ${problem}`).join('\n')}` : 'The restored copy answers and counts as it should.')
  process.exit(problems.length ? 1 : 0)
}

const s3Dir = mkdtempSync(join(tmpdir(), 'kb-restore-drill-'))
const [dynamodb, s3] = await Promise.all([startDynamoDbLocal({ dataDir: null }), startS3({ dataDir: s3Dir })])
let exitCode = 1
try {
  const live: RuntimeConfig = {
    region: 'eu-north-1',
    tables: { content: 'kb-drill-content', counters: 'kb-drill-counters' },
    mediaBucket: 'kb-drill-media',
    endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint },
    siteOrigin: 'http://127.0.0.1:3000',
  }
  const clients = createAwsClients(live)
  await provision(clients, live)
  const seeded = await seedDemoContent(createServices(live, clients))
  log(`seeded the demo content as the live data: ${seeded.created} items`)
  const report = await restoreDrill(live, { tables: { content: 'kb-drill-restored-content', counters: 'kb-drill-restored-counters' }, mediaBucket: 'kb-drill-restored-media' }, log)
  console.log(`\nRestored ${report.copied.content} content items, ${report.copied.counters} counters and ${report.copied.objects} files in ${report.seconds.toFixed(1)} s.`)
  console.log(`Checked on the copy: ${report.checked.length} pages and files (${report.checked.filter((page) => page.status === 200).length} answered 200), ${report.counts} counts against a recount.`)
  if (report.problems.length) console.log(`\nPROBLEMS:\n${report.problems.map((problem) => `  ${problem}`).join('\n')}`)
  else console.log('Restore drill passed.')
  exitCode = report.problems.length ? 1 : 0
} catch (error) {
  console.error(error)
} finally {
  await Promise.allSettled([dynamodb.stop(), s3.stop()])
  rmSync(s3Dir, { recursive: true, force: true })
}
process.exit(exitCode)
