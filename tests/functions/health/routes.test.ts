import { describe, expect, it } from 'vitest'
import { healthCacheMs, healthRoutes } from '../../../functions/health/routes.ts'

/** Issue 15: anonymous health checks must not turn into one AWS call each. */
describe('health checks answer from their last round of probes for half a minute', () => {
  const setup = () => {
    let calls = 0
    let up = true
    let clock = 1_000_000
    const app = healthRoutes(
      { dynamodb: { label: 'DynamoDB', check: async () => { calls++; if (!up) throw new Error('down') } } },
      { now: () => clock },
    )
    return {
      app,
      calls: () => calls,
      setUp: (value: boolean) => (up = value),
      advance: (ms: number) => (clock += ms),
    }
  }

  it('probes once for any number of checks within the window, concurrent ones included', async () => {
    const health = setup()
    const answers = await Promise.all(Array.from({ length: 20 }, () => health.app.request('/')))
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200))
    health.advance(healthCacheMs - 1)
    expect((await health.app.request('/')).status).toBe(200)
    expect(health.calls()).toBe(1)
    expect((await health.app.request('/')).headers.get('cache-control')).toBe('no-store')
  })

  it('sees an outage, and the recovery, at most half a minute late', async () => {
    const health = setup()
    await health.app.request('/')
    health.setUp(false)
    expect((await health.app.request('/')).status).toBe(200)
    health.advance(healthCacheMs)
    const down = await health.app.request('/')
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ error: 'DynamoDB unreachable', checks: { dynamodb: 'down' } })
    health.setUp(true)
    health.advance(healthCacheMs)
    expect((await health.app.request('/')).status).toBe(200)
    expect(health.calls()).toBe(3)
  })
})
