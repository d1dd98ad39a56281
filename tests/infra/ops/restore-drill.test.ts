import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import * as keys from '../../../functions/content/keys.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'
import { restoreDrill, verifyRestore, type RestoreTarget } from '../../../infra/ops/restore-drill.ts'
import { copyDemoContent } from '../../support/demo-template.ts'
import { createTestEnvironment } from '../../support/environment.ts'

/** The restore drill (issue 15) on the demo content: into new tables and a new bucket, then the site on the copy. */
describe('restore drill', () => {
  let source: RuntimeConfig
  let target: RestoreTarget
  beforeAll(async () => {
    const environment = await createTestEnvironment('restore-drill')
    await copyDemoContent(environment.services)
    source = environment.config
    target = {
      tables: { content: `${source.tables.content}-restored`, counters: `${source.tables.counters}-restored` },
      mediaBucket: `${source.mediaBucket}-restored`,
    }
  })

  it('restores every item and file into new ones, and the site on the copy answers 200 with counts equal to a recount', async () => {
    const report = await restoreDrill(source, target)
    expect(report.problems).toEqual([])
    expect(report.copied.content).toBeGreaterThan(500)
    expect(report.copied.objects).toBeGreaterThan(10)
    // Five editions by their front page (the national one's is /) and newest item, and five media files.
    expect(report.checked.map((page) => page.path)).toEqual(expect.arrayContaining(['/', '/innlandet', '/akershus']))
    expect(report.checked.filter((page) => page.path.startsWith('/media/tenants/'))).toHaveLength(5)
    expect(report.checked.length).toBeGreaterThanOrEqual(5 * 2 + 5)
    expect(report.checked.every((page) => page.status === 200)).toBe(true)
    expect(report.counts).toBeGreaterThanOrEqual(5 * 5)
  })

  it('never writes over an existing table', async () => {
    await expect(restoreDrill(source, target)).rejects.toThrow(`Table ${target.tables.content} exists already`)
  })

  it('finds what a restore lost: an item fewer, and a count that no longer matches the listing', async () => {
    const restored: RuntimeConfig = { ...source, tables: target.tables, mediaBucket: target.mediaBucket }
    await createAwsClients(restored).dynamo.send(new DeleteCommand({ TableName: target.tables.content, Key: { PK: keys.tenantPk('innlandet'), SK: keys.statsSk('artikler') } }))
    const { problems } = await verifyRestore(restored, source)
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^content: (\d+) items restored, \d+ in the source$/), expect.stringMatching(/^innlandet artikler: counted 0, listed [1-9]\d*, [1-9]\d* in the source$/)]),
    )
    // Without its source, as after a real incident: the copy's own count against its own listing.
    expect((await verifyRestore(restored)).problems).toEqual([expect.stringMatching(/^innlandet artikler: counted 0, listed [1-9]\d*$/)])
  })
})
