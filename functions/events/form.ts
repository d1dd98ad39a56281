import * as z from 'zod'
import { lineText, paragraphText } from '../content/text.ts'

/**
 * A reader's sign-up form (web/site/pages/event-signup.tsx), as the events function validates it. Each issue's path
 * is the field, and `signupProblem` reduces it to a stable code the page words in bokmål; nothing is stored unless
 * every field passes.
 */
export const signupFormSchema = z.object({
  name: lineText(200, { min: 1, trim: true }),
  email: z.string().trim().max(254).pipe(z.email()),
  workplace: lineText(200, { min: 1, trim: true }),
  municipality: lineText(100, { min: 1, trim: true }),
  needs: paragraphText(1000, { trim: true }).optional(),
  consent: z.literal('yes'),
})
export type SignupForm = z.infer<typeof signupFormSchema>
export const signupFields = ['name', 'email', 'workplace', 'municipality', 'needs', 'consent'] as const
export type SignupField = (typeof signupFields)[number]

/** What was wrong with a field, as a code: the page words it (web/site/pages/event-text.ts). */
export type SignupProblem = 'missing' | 'too-long' | 'invalid-email' | 'consent-missing' | 'invalid'
export type SignupErrors = Partial<Record<SignupField, SignupProblem>>

/** The form's text fields as typed, to show them again beside the errors (never the consent box's value). */
export type SignupValues = Partial<Record<Exclude<SignupField, 'consent'>, string>>

export function parseSignupForm(body: Record<string, unknown>): { form: SignupForm } | { errors: SignupErrors; values: SignupValues } {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined)
  const raw = { name: text('name'), email: text('email'), workplace: text('workplace'), municipality: text('municipality'), needs: text('needs')?.trim() || undefined, consent: text('consent') }
  const result = signupFormSchema.safeParse(raw)
  if (result.success) return { form: { ...result.data, email: result.data.email } }
  const errors: SignupErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SignupField
    errors[field] ??=
      field === 'consent'
        ? 'consent-missing'
        : issue.code === 'too_big'
          ? 'too-long'
          : issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string')
            ? 'missing'
            : field === 'email'
              ? 'invalid-email'
              : 'invalid'
  }
  // Keep what was typed, but never echo a huge paste back into the page.
  const values: SignupValues = Object.fromEntries(
    (['name', 'email', 'workplace', 'municipality', 'needs'] as const).map((name) => [name, raw[name]?.slice(0, 1000)]),
  )
  return { errors, values }
}

/** The address as one person: case and surrounding spaces do not make a second sign-up. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase()
