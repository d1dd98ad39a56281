import { DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import { HeadBucketCommand } from '@aws-sdk/client-s3'
import { Hono } from 'hono'
import type { Services } from '../services.ts'

const TIMEOUT_MS = 2000

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref?.()),
    ])
    return 'ok'
  } catch {
    return 'down'
  }
}

/** `GET /api/health`: 200 when DynamoDB and S3 answer, 503 naming what is down. Never cached. */
export function healthRoutes(services: Services) {
  return new Hono().get('/', async (c) => {
    const [dynamodb, s3] = await Promise.all([
      probe(() => services.clients.dynamoControl.send(new DescribeTableCommand({ TableName: services.config.tables.content }))),
      probe(() => services.clients.s3.send(new HeadBucketCommand({ Bucket: services.config.mediaBucket }))),
    ])
    const checks = { dynamodb, s3 }
    c.header('cache-control', 'no-store')
    const down = Object.entries(checks).filter(([, state]) => state === 'down').map(([name]) => name)
    if (down.length === 0) return c.json({ status: 'ok', checks })
    const names = down.map((name) => (name === 'dynamodb' ? 'DynamoDB' : 'S3'))
    return c.json({ status: 'unavailable', error: `${names.join(' and ')} unreachable`, checks }, 503)
  })
}
