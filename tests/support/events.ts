import { ulid } from 'ulid'
import type { ContentFields, ContentOf } from '../../functions/content/schema.ts'
import type { SignupForm } from '../../functions/events/form.ts'

/** An event with built-in sign-up, starting in a week (tests/functions/events, tests/browser/events). */
export function testEvent(tenant: string, slug: string, overrides: Partial<ContentOf<'arrangementer'>> = {}): ContentOf<'arrangementer'> {
  const start = new Date(Date.now() + 7 * 86_400_000)
  return {
    type: 'arrangementer',
    id: ulid(),
    tenant,
    slug,
    title: `Fagdag ${slug}`,
    summary: 'En dag om faget.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Program kommer.' }] }] },
    topics: [],
    audiences: ['kommune'],
    sharedNationally: false,
    kind: 'kurs',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 6 * 3_600_000).toISOString(),
    location: { name: 'Ahus', address: 'Sykehusveien 25, Lørenskog' },
    organiser: 'Akershus universitetssykehus',
    registration: 'built-in',
    capacity: 50,
    waitingList: true,
    ...overrides,
  } as ContentFields as ContentOf<'arrangementer'>
}

export const testSignup = (n: number | string, overrides: Partial<SignupForm> = {}): SignupForm => ({
  name: `Deltaker ${n}`,
  email: `deltaker-${n}@kommune.example.no`,
  workplace: 'Lørenskog sykehjem',
  municipality: 'Lørenskog',
  consent: 'yes',
  ...overrides,
})
