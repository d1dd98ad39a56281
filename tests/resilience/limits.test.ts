import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEditorApiApp } from '../../functions/editor-api.ts'
import { createEventsApp } from '../../functions/events-app.ts'
import { sesMailer } from '../../functions/events/mail.ts'
import { eventsServicesFrom } from '../../functions/events/services.ts'
import { createExamsApiApp } from '../../functions/exams-api.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { formPost } from '../support/newsletter.ts'

/*
 * Issue 15: the app-level rate limits (429 with Retry-After: a bokmål page for readers, English JSON for the editor
 * API) and the regression the fuzzing found (a form post whose body is not a readable form answered 500).
 */
type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
let env: Env
let events: ReturnType<typeof createEventsApp>
const { sesEndpoint } = inject('emulators')
const multipartWithoutBoundary = { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'email=a%40b.no' }

beforeAll(async () => {
  env = await createEditorEnvironment('rate-limits')
  const mailer = sesMailer({ region: 'eu-north-1', endpoints: { ses: sesEndpoint }, mailFrom: 'grenser@kompetansebroen.test' })
  events = createEventsApp(eventsServicesFrom(env.services, { mailer }), { assets: () => ({}), signupsPerWindow: 2 })
})

describe('a form body that is not a form (found by tests/resilience)', () => {
  it('is a 400, never a 500: English JSON from the exams function, a bokmål page from the events function', async () => {
    const beacon = await createExamsApiApp(env.services).request('/api/v1/views', multipartWithoutBoundary)
    expect(beacon.status).toBe(400)
    expect(((await beacon.json()) as { error: string }).error).toMatch(/not a readable form/)
    const signup = await events.request('/akershus/nyhetsbrev', { ...multipartWithoutBoundary, headers: { ...multipartWithoutBoundary.headers, 'x-forwarded-for': '198.51.100.9' } })
    expect(signup.status).toBe(400)
    expect(await signup.text()).toContain('lang="nb"')
  })
})

describe('rate limits', () => {
  it('answers the newsletter sign-up over its limit with 429, Retry-After and a bokmål page, per address', async () => {
    const from = (address: string) => {
      const post = formPost({ email: `grense-${Math.random().toString(36).slice(2)}@kommune.example.no`, topics: ['alt'], consent: 'yes' })
      return events.request('/akershus/nyhetsbrev', { ...post, headers: { ...post.headers, 'x-forwarded-for': address } })
    }
    expect((await from('203.0.113.7')).status).toBe(303)
    expect((await from('203.0.113.7')).status).toBe(303)
    const refused = await from('203.0.113.7')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('cache-control')).toBe('no-store')
    const html = await refused.text()
    expect(html).toContain('For mange forsøk på kort tid')
    expect(html).toContain('Du kan prøve igjen om')
    // Another address is not affected.
    expect((await from('198.51.100.1')).status).toBe(303)
  })

  it('answers uploads over an editor’s limit with 429, Retry-After and an English JSON error', async () => {
    const app = createEditorApiApp(env.services, { media: { uploadsPerWindow: 1 } })
    const upload = () =>
      app.request('/api/editor/tenants/akershus/uploads', {
        method: 'POST',
        headers: { authorization: `Bearer ${env.tokens.akershus}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'image', filename: 'bilde.png', contentType: 'image/png', size: 1000 }),
      })
    expect((await upload()).status).toBe(201)
    const refused = await upload()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/^Too many uploads/), code: 'unavailable' })
  })
})
