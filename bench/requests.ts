import type { Services } from '../functions/services.ts'
import { get } from './http.ts'
import type { BenchPage, PageKey } from './pages.ts'

export interface RequestCount {
  site: string[]
  bare: string[]
}

async function countDuring(services: Services, url: string): Promise<string[]> {
  const operations: string[] = []
  const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
  try {
    const response = await get(url)
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  } finally {
    stop()
  }
  return operations
}

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
