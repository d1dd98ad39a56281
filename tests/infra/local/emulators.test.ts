import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { assertPortFree, startDynamoDbLocal } from '../../../infra/local/emulators.ts'
import { listenEarly } from '../../../infra/local/listen.ts'

describe('emulator start-up errors', () => {
  it('says in one line that a port is busy and what to do, whether checked or bound at once', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const busy = `Port ${port} (the site) is busy: stop what uses it, or start with another PORT=…`
    await expect(assertPortFree(port, 'the site')).rejects.toThrow(busy)
    await expect(listenEarly(port, 'the site')).rejects.toThrow(busy)
    blocker.close()
  })

  it('says Java is missing and how to install it', async () => {
    await expect(startDynamoDbLocal({ dataDir: null, javaCommand: 'java-that-is-not-installed' })).rejects.toThrow(
      /^Java is not installed: DynamoDB Local needs Java 17\+ \(Debian: apt-get install -y openjdk-17-jre-headless\)$/,
    )
  })
})
