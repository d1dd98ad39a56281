import { itemPath } from '../content/paths.ts'

/** Addresses of the sign-up pages, all served by the events function (`eventsPathPatterns`, infra/definitions.ts). */
export const signupPath = (event: { tenant: string; slug: string }) => `${itemPath({ tenant: event.tenant, type: 'arrangementer', slug: event.slug })}/pamelding`
export const receiptPath = (event: { tenant: string; slug: string }, outcome: 'confirmed' | 'waiting') => `${signupPath(event)}/kvittering?status=${outcome}`
/** The cancel link in every e-mail; the token is the only secret, so it never goes in a query string a log keeps apart. */
export const cancelPath = (token: string) => `/avmelding/${token}`
