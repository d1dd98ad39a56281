import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { badRequest, errorCodes, type ErrorCode } from './errors.ts'

/** "limit: Too big: expected number to be <=100" — the first problems, each with the field it concerns. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** The code a refinement attached to its issue (`params: { code }`, e.g. invalid_media), so callers need no text. */
export function codeOfIssues(issues: ReadonlyArray<object>): ErrorCode | undefined {
  const codes = issues.map((issue) => (issue as { params?: { code?: unknown } }).params?.code)
  return codes.find((code): code is ErrorCode => (errorCodes as readonly unknown[]).includes(code))
}

/** zod validation for a request part; a failure becomes a 400 with a readable `error`. */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw badRequest(`Invalid ${target}: ${describeIssues(result.error.issues)}`, codeOfIssues(result.error.issues))
  })

/** For values assembled in a handler (path + body): a failure is the client's, so 400, never 500. */
export function parseOrBadRequest<Schema extends ZodType>(schema: Schema, value: unknown): import('zod').infer<Schema> {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequest(`Invalid request: ${describeIssues(result.error.issues)}`, codeOfIssues(result.error.issues))
  return result.data
}
