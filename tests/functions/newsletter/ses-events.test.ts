import { describe, expect, it } from 'vitest'
import { MailNotSent, surelyNotSent } from '../../../functions/events/mail.ts'
import { confirmationOf } from '../../../functions/newsletter/ses-events.ts'
import { sendEvent } from '../../../infra/local/ses-events.ts'

/*
 * The two halves of "did SES take this mail?" (issue 14): which failures of a send call surely sent nothing (so the
 * marker may go at once), and which Send events confirm a newsletter marker. The local relay's event must read as
 * SES's own does.
 */
describe('a failed SendEmail', () => {
  const sdkError = (status: number) => Object.assign(new Error('refused'), { $metadata: { httpStatusCode: status } })

  it('surely sent nothing when SES refused it, could not be reached, or no sender was configured', () => {
    expect(surelyNotSent(sdkError(400))).toBe(true)
    expect(surelyNotSent(sdkError(429))).toBe(true)
    expect(surelyNotSent(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(surelyNotSent(new MailNotSent('No sender configured (MAIL_FROM)'))).toBe(true)
  })

  it('may have sent the mail when the answer was lost: a 5xx, a reset connection, a timeout', () => {
    expect(surelyNotSent(sdkError(500))).toBe(false)
    expect(surelyNotSent(sdkError(503))).toBe(false)
    expect(surelyNotSent(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false)
    expect(surelyNotSent(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }))).toBe(false)
  })
})

describe('a Send event', () => {
  const body = (tags: Record<string, string>) => ({ ConfigurationSetName: 'kompetansebroen-prod', Destination: { ToAddresses: ['kari@kommune.example.no'] }, EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) })

  it("confirms the marker named by a newsletter mail's tags, as SES publishes it and as the local relay does", () => {
    const tags = { tenant: 'akershus', issue: '01M8TT62J5CMW5EK9R998TT054', subscriber: 'a'.repeat(40) }
    const fromSes = { eventType: 'Send', mail: { timestamp: '2026-12-02T07:00:00.000Z', messageId: 'x', destination: ['kari@kommune.example.no'], tags: { tenant: ['akershus'], issue: [tags.issue], subscriber: [tags.subscriber], 'ses:configuration-set': ['kompetansebroen-prod'] } }, send: {} }
    expect(confirmationOf(fromSes)).toEqual(tags)
    expect(confirmationOf(sendEvent(body(tags), 'x', new Date()))).toEqual(tags)
  })

  it('confirms nothing for other mail, other events or tags that could not be a marker', () => {
    expect(confirmationOf(sendEvent(body({ tenant: 'akershus' }), 'x', new Date()))).toBeUndefined()
    const tags = { tenant: 'akershus', issue: '01M8TT62J5CMW5EK9R998TT054', subscriber: 'a'.repeat(40) }
    expect(confirmationOf({ ...sendEvent(body(tags), 'x', new Date()), eventType: 'Delivery' })).toBeUndefined()
    expect(confirmationOf(sendEvent(body({ ...tags, tenant: 'akershus#SUB' }), 'x', new Date()))).toBeUndefined()
    expect(confirmationOf('not an event')).toBeUndefined()
  })
})
