import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal, startS3 } from '../../infra/local/emulators.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: { dynamodbEndpoint: string; s3Endpoint: string }
  }
}

/** Starts the real emulators once for every test file; a failure here fails the run loudly. */
export default async function setup(project: TestProject) {
  const s3Dir = mkdtempSync(join(tmpdir(), 'kb-test-s3-'))
  const [dynamodb, s3] = await Promise.all([startDynamoDbLocal({ dataDir: null }), startS3({ dataDir: s3Dir })])
  project.provide('emulators', { dynamodbEndpoint: dynamodb.endpoint, s3Endpoint: s3.endpoint })
  return async () => {
    await Promise.all([dynamodb.stop(), s3.stop()])
    rmSync(s3Dir, { recursive: true, force: true })
  }
}
