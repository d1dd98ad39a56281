import { describe, expect, it } from 'vitest'
import { blankForm } from '../../../web/editor/form/model.ts'
import { validateForm } from '../../../web/editor/form/validate.ts'
import { labelFor } from '../../../web/editor/text.ts'

/** The event form's sign-up fields (issue 13), checked with the server's own schema and worded in bokmål. */
function eventForm(fields: Record<string, unknown>) {
  const form = blankForm('arrangementer')
  form.fields = {
    ...form.fields,
    slug: 'fagdag',
    title: 'Fagdag',
    summary: 'En dag om faget.',
    organiser: 'Ahus',
    startsAt: '2026-12-10T09:00:00+01:00',
    endsAt: '2026-12-11T15:00:00+01:00',
    ...fields,
  }
  return form
}

describe('event form', () => {
  it('takes built-in sign-up with capacity, waiting list, deadline, price and retention', () => {
    const result = validateForm(eventForm({ kind: 'konferanse', registration: 'built-in', capacity: 50, waitingList: true, registrationDeadline: '2026-12-01T12:00:00+01:00', priceNok: 0, retentionDays: 14, coOrganisers: ['Lørenskog kommune', ''] }))
    expect(result.fields).toEqual({})
    expect(result.input).toMatchObject({ registration: 'built-in', capacity: 50, waitingList: true, retentionDays: 14, coOrganisers: ['Lørenskog kommune'] })
  })

  it('says in bokmål when the end is before the start, the deadline after the end, or the external link is missing', () => {
    const result = validateForm(eventForm({ endsAt: '2026-12-09T09:00:00+01:00', registration: 'external', registrationDeadline: '2026-12-12T09:00:00+01:00' }))
    expect(result.fields).toMatchObject({
      endsAt: 'Arrangementet må slutte etter at det starter.',
      registrationDeadline: 'Påmeldingsfristen må være før arrangementet slutter.',
      registrationUrl: 'Skriv lenken til påmeldingen.',
    })
    expect(labelFor('capacity')).toBe('Antall plasser')
    expect(validateForm(eventForm({ capacity: 0, registration: 'built-in' })).fields.capacity).toBe('Tallet må være minst 1.')
  })
})
