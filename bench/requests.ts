import type { Services } from '../functions/services.ts'
import { get } from './http.ts'
import type { BenchPage, PageKey } from './pages.ts'

export interface RequestCount {
  site: string[]
  bare: string[]
}

/** The DynamoDB operations made while `run` runs (the SDK middleware's count), in order. */
export async function operationsDuring(services: Pick<Services, 'clients'>, run: () => Promise<void>): Promise<string[]> {
  const operations: string[] = []
  const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
  try {
    await run()
  } finally {
    stop()
  }
  return operations
}

export const countDuring = (services: Pick<Services, 'clients'>, url: string) =>
  operationsDuring(services, async () => {
    const response = await get(url)
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  })

/**
 * DynamoDB requests per page, counted by the SDK middleware (functions/shared/aws.ts), with the catalog's
 * in-memory copy warm as it is on all but one request per 30 s. The bare route is counted too: it must make
 * the same requests, or the throughput ratio compares different work.
 */
export async function countRequests(services: Services, pages: BenchPage[], urls: { site: string; bare: string }): Promise<Record<PageKey, RequestCount>> {
  const result = {} as Record<PageKey, RequestCount>
  for (const page of pages) {
    await services.catalog.get()
    result[page.key] = {
      site: await countDuring(services, urls.site + page.path),
      bare: await countDuring(services, urls.bare + page.barePath),
    }
  }
  return result
}
