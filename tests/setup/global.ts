import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal, startS3, startSes } from '../../infra/local/emulators.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: {
      dynamodbEndpoint: string
      s3Endpoint: string
      sesEndpoint: string
      /** The shared s3rver's folder: a bucket's files are a folder in it (tests/support/demo-template.ts copies one). */
      s3Dir: string
      /** Where the test file that seeds the demo template once leaves its lock and ready file. */
      templateDir: string
    }
  }
}

/** Starts the real emulators once for every test file; a failure here fails the run loudly. */
export default async function setup(project: TestProject) {
  const s3Dir = mkdtempSync(join(tmpdir(), 'kb-test-s3-'))
  const templateDir = mkdtempSync(join(tmpdir(), 'kb-test-template-'))
  const [dynamodb, s3, ses] = await Promise.all([startDynamoDbLocal({ dataDir: null }), startS3({ dataDir: s3Dir }), startSes()])
  project.provide('emulators', { dynamodbEndpoint: dynamodb.endpoint, s3Endpoint: s3.endpoint, sesEndpoint: ses.endpoint, s3Dir, templateDir })
  return async () => {
    await Promise.all([dynamodb.stop(), s3.stop(), ses.stop()])
    rmSync(s3Dir, { recursive: true, force: true })
    rmSync(templateDir, { recursive: true, force: true })
  }
}
