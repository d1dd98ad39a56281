import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onApiError } from '../../../functions/shared/api-errors.ts'
import { ApiError } from '../../../functions/shared/errors.ts'
import { createLogger } from '../../../functions/shared/logger.ts'
import { requestLog, requestLogging, tenantOfPath } from '../../../functions/shared/request-log.ts'

/** An app as the functions assemble theirs, logging into an array instead of stdout. */
function appWithLog() {
  const lines: Array<Record<string, unknown>> = []
  const app = new Hono()
  app.use('*', requestLogging(createLogger({ write: (line) => lines.push(JSON.parse(line)) })))
  app.get('/api/editor/tenants/:tenant/items', () => {
    throw new Error('DynamoDB went away')
  })
  app.get('/api/v1/editions/:tenant/items', (c) => {
    requestLog(c).info('Listed', { count: 3 })
    return c.json({ items: [] })
  })
  app.get('/api/v1/refused', () => {
    throw new ApiError(400, 'The limit must be a number from 1 to 100.')
  })
  app.onError(onApiError)
  return { app, lines }
}

describe('one request, one request id on every log line (issue 15)', () => {
  it("logs a server fault with the request id, path and edition, and gives the reader the id to quote", async () => {
    const { app, lines } = appWithLog()
    const response = await app.request('/api/editor/tenants/akershus/items')
    expect(response.status).toBe(500)
    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    const body = (await response.json()) as { error: string; requestId: string }
    expect(body.requestId).toBe(requestId)
    expect(body.error).toContain(requestId!)
    expect(lines).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'Unhandled error', requestId, tenant: 'akershus', method: 'GET', path: '/api/editor/tenants/akershus/items', error: expect.objectContaining({ message: 'DynamoDB went away' }) }),
      expect.objectContaining({ level: 'ERROR', message: 'Request failed', requestId, status: 500 }),
    ])
  })

  it("uses Lambda's request id when there is one, and logs nothing of its own for a request that went well", async () => {
    const { app, lines } = appWithLog()
    const response = await app.request('/api/v1/editions/innlandet/items', {}, { lambdaContext: { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('c6af9ac6-7b61-11e6-9a41-93e812345678')
    expect(lines).toEqual([expect.objectContaining({ level: 'INFO', message: 'Listed', count: 3, requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', tenant: 'innlandet' })])
  })

  it("leaves a client's mistake out of the error log: it is a 4xx with its own message", async () => {
    const { app, lines } = appWithLog()
    const response = await app.request('/api/v1/refused')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toBe('The limit must be a number from 1 to 100.')
    expect(lines).toEqual([])
  })

  it('names an edition only where the address does', () => {
    expect(tenantOfPath('/api/editor/tenants/vestfold/media')).toBe('vestfold')
    expect(tenantOfPath('/api/v1/editions/ostfold')).toBe('ostfold')
    expect(tenantOfPath('/artikler/demens')).toBeUndefined()
  })
})
