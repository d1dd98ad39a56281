import type { SNSEvent } from 'aws-lambda'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailHashOf } from '../../functions/events/signups.ts'
import { ulid } from 'ulid'
import { sentPk } from '../../functions/newsletter/keys.ts'
import { createSubscribers } from '../../functions/newsletter/subscribers.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import type { Services } from '../../functions/services.ts'
import { createTestEnvironment } from '../support/environment.ts'
import { unique } from '../support/newsletter.ts'
import { emulatorEnvironment, invoke } from './lambda-runner.ts'
import { resource, synthesize, type Synthesized } from './synth.ts'

/**
 * Issue 14: the newsletter's bounce handler as esbuild bundles it for Lambda (it exists only with `-c sesIdentity`,
 * so tests/infra/bundled-handlers.test.ts, which synthesizes without one, does not meet it), run in a Node process of
 * its own against DynamoDB Local with the SNS event SES's event destination delivers.
 */
describe('the bundled newsletter bounce handler', { timeout: 180_000 }, () => {
  let synth: Synthesized
  let config: RuntimeConfig
  let services: Services
  beforeAll(async () => {
    ;[synth, { config, services }] = await Promise.all([
      synthesize({ bundle: true, deploy: { sesIdentity: 'kompetansebroen.example.no' } }),
      createTestEnvironment('newsletter-bundle'),
    ])
  })
  afterAll(() => synth?.cleanup())

  it('suppresses a complained address and deletes its subscription, and confirms a sent mail in the send log', async () => {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', 'FunctionsNewsletterBouncesFunction')
    const email = `klage-${unique()}@kommune.example.no`
    const subscribers = createSubscribers(services.db)
    await subscribers.subscribe('akershus', { email, topics: ['alt'], consent: 'yes' }, 'Samtykke.')
    const emailHash = emailHashOf(email)
    expect(await subscribers.get('akershus', emailHash)).toBeDefined()
    const message = { eventType: 'Complaint', mail: { tags: { tenant: ['akershus'] }, destination: [email] }, complaint: { complainedRecipients: [{ emailAddress: email }] } }
    const sns = (body: object) => ({ Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:t:s', Sns: { Type: 'Notification', Message: JSON.stringify(body) } }] }) as unknown as SNSEvent
    // A mail in flight when its sender died: claimed, never answered; SES's Send event names it by its tags.
    const issueId = ulid()
    const reader = emailHashOf(`leser-${unique()}@kommune.example.no`)
    await services.db.put({ PK: sentPk('akershus', issueId), SK: reader, status: 'claimed', claimedAt: new Date().toISOString(), attempts: 1 })
    const sent = { eventType: 'Send', mail: { tags: { tenant: ['akershus'], issue: [issueId], subscriber: [reader] }, destination: ['leser@kommune.example.no'] }, send: {} }
    const env = emulatorEnvironment(config, 'FunctionsNewsletterBouncesFunction', fn.Properties.Environment.Variables.NODE_OPTIONS)
    for (const name of Object.keys(fn.Properties.Environment.Variables)) expect(Object.keys(env), `sets ${name}`).toContain(name)
    const [complained, confirmed] = await invoke(join(synth.outdir, fn.Metadata['aws:asset:path'], 'index.mjs'), env, [sns(message), sns(sent)])
    expect(complained).toEqual({ suppressed: 1, confirmed: 0 })
    expect(confirmed).toEqual({ suppressed: 0, confirmed: 1 })
    expect(await services.db.get({ PK: sentPk('akershus', issueId), SK: reader })).toMatchObject({ status: 'sent' })
    expect(await subscribers.get('akershus', emailHash)).toBeUndefined()
    expect(await services.db.get({ PK: `NEWSLETTERSUPPRESSED#${emailHash}`, SK: 'SUPPRESSED' })).toMatchObject({ reason: 'complaint' })
  })
})
