import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import { provision } from '../../infra/local/provision.ts'
import { createAwsClients } from '../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { createServices, type Services } from '../../functions/services.ts'

/**
 * Fresh tables and a fresh bucket in the shared emulators, named after the test file, so files run in
 * parallel without seeing each other's data.
 */
export async function createTestEnvironment(name: string, options: { siteOrigin?: string } = {}): Promise<{ config: RuntimeConfig; services: Services }> {
  const { dynamodbEndpoint, s3Endpoint } = inject('emulators')
  const id = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30)}-${randomBytes(3).toString('hex')}`
  const config: RuntimeConfig = {
    region: 'eu-north-1',
    tables: { content: `test-${id}-content`, counters: `test-${id}-counters` },
    mediaBucket: `media-${id}`,
    endpoints: { dynamodb: dynamodbEndpoint, s3: s3Endpoint },
    siteOrigin: options.siteOrigin ?? 'http://127.0.0.1:3000',
  }
  const clients = createAwsClients(config)
  await provision(clients, config)
  return { config, services: createServices(config, clients) }
}
