import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startContentStream } from '../../../infra/local/content-stream.ts'
import type { StreamPoller } from '../../../infra/local/stream-events.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

/** `npm start` has no CDN: what the invalidator would refresh after a publish shows in its log instead. */
describe('the local runner’s content stream', () => {
  let env: Awaited<ReturnType<typeof createTestEnvironment>>
  let stream: StreamPoller
  const lines: string[] = []
  beforeAll(async () => {
    env = await createTestEnvironment('content-stream')
    await seedCatalog(env.services, ['nasjonal', 'ostfold'])
    stream = await startContentStream(env.config, (line) => void lines.push(line))
  })
  afterAll(() => stream?.stop())

  it('hands a publish’s outbox record to the invalidator handler, which logs the paths', async () => {
    await publishNew(env.services, testArticle('ostfold', 'lokalt-publisert'))
    await stream.poll()
    expect(lines).toEqual(['CDN (none locally) would refresh /ostfold*'])
  })
})
