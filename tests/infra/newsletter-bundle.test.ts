import type { SNSEvent } from 'aws-lambda'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailHashOf } from '../../functions/events/signups.ts'
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

  it('suppresses a complained address and deletes its subscription', async () => {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', 'FunctionsNewsletterBouncesFunction')
    const email = `klage-${unique()}@kommune.example.no`
    const subscribers = createSubscribers(services.db)
    await subscribers.subscribe('akershus', { email, topics: ['alt'], consent: 'yes' }, 'Samtykke.')
    const emailHash = emailHashOf(email)
    expect(await subscribers.get('akershus', emailHash)).toBeDefined()
    const message = { eventType: 'Complaint', mail: { tags: { tenant: ['akershus'] }, destination: [email] }, complaint: { complainedRecipients: [{ emailAddress: email }] } }
    const event = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:t:s', Sns: { Type: 'Notification', Message: JSON.stringify(message) } }] } as unknown as SNSEvent
    const env = emulatorEnvironment(config, 'FunctionsNewsletterBouncesFunction', fn.Properties.Environment.Variables.NODE_OPTIONS)
    for (const name of Object.keys(fn.Properties.Environment.Variables)) expect(Object.keys(env), `sets ${name}`).toContain(name)
    const [result] = await invoke(join(synth.outdir, fn.Metadata['aws:asset:path'], 'index.mjs'), env, [event])
    expect(result).toEqual({ suppressed: 1 })
    expect(await subscribers.get('akershus', emailHash)).toBeUndefined()
    expect(await services.db.get({ PK: `NEWSLETTERSUPPRESSED#${emailHash}`, SK: 'SUPPRESSED' })).toMatchObject({ reason: 'complaint' })
  })
})
