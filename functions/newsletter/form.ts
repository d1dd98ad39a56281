import * as z from 'zod'
import { slugSchema } from '../content/schema.ts'

/**
 * The reader's newsletter forms (web/site/pages/newsletter*.tsx) as the events function validates them. Topics are
 * the catalog's fagtema slugs, or `alt` for everything the edition sends; the route checks slugs against the catalog.
 */
export const ALL_TOPICS = 'alt'
const topicsSchema = z.array(z.union([z.literal(ALL_TOPICS), slugSchema])).min(1).max(40)

export const subscribeFormSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  topics: topicsSchema,
  consent: z.literal('yes'),
})
export type SubscribeForm = z.infer<typeof subscribeFormSchema>
export type SubscribeField = keyof SubscribeForm
export const subscribeFields = ['email', 'topics', 'consent'] as const satisfies readonly SubscribeField[]
/** What was wrong with a field, as a code the page words in bokmål (web/site/pages/newsletter-text.ts). */
export type SubscribeProblem = 'missing' | 'invalid-email' | 'no-topics' | 'consent-missing'
export type SubscribeErrors = Partial<Record<SubscribeField, SubscribeProblem>>
/** What was typed and ticked, to show again beside the errors (never the consent box). */
export interface SubscribeValues {
  email?: string
  topics?: string[]
}

/** Choices: `alt` wins over any topic ticked beside it, and a topic ticked twice counts once. */
export const normaliseTopics = (topics: readonly string[]): string[] => (topics.includes(ALL_TOPICS) ? [ALL_TOPICS] : [...new Set(topics)].sort())

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((entry): entry is string => typeof entry === 'string')

/** `body` as Hono's `parseBody({ all: true })` hands it over; `knownTopics` the catalog's slugs. */
export function parseSubscribeForm(body: Record<string, unknown>, knownTopics: ReadonlySet<string>): { form: SubscribeForm } | { errors: SubscribeErrors; values: SubscribeValues } {
  const email = typeof body.email === 'string' ? body.email : undefined
  const topics = listOf(body.topics)
  const consent = typeof body.consent === 'string' ? body.consent : undefined
  const result = subscribeFormSchema.safeParse({ email, topics, consent })
  const unknown = topics.some((topic) => topic !== ALL_TOPICS && !knownTopics.has(topic))
  if (result.success && !unknown) return { form: { ...result.data, topics: normaliseTopics(result.data.topics) } }
  const errors: SubscribeErrors = {}
  if (unknown) errors.topics = 'no-topics'
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] as SubscribeField
    errors[field] ??= field === 'consent' ? 'consent-missing' : field === 'topics' ? 'no-topics' : email?.trim() ? 'invalid-email' : 'missing'
  }
  return { errors, values: { email: email?.slice(0, 254), topics: topics.filter((topic) => topic === ALL_TOPICS || knownTopics.has(topic)) } }
}

/** The preference page's form: new choices. */
export function parseTopics(body: Record<string, unknown>, knownTopics: ReadonlySet<string>): string[] | undefined {
  const result = topicsSchema.safeParse(listOf(body.topics))
  if (!result.success || result.data.some((topic) => topic !== ALL_TOPICS && !knownTopics.has(topic))) return undefined
  return normaliseTopics(result.data)
}
