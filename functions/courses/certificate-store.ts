import type { Db } from '../shared/db.ts'
import { ApiError, conflict, notFound } from '../shared/errors.ts'
import { certificateExpiresAt, initialsOf, newCertificateCode, validUntil } from './certificate-codes.ts'
import { attemptKey, certificateKey } from './exam-keys.ts'
import type { Attempt, Certificate } from './exam-types.ts'

const CODE_TRIES = 3

/** Hours as a certificate states them: the course's estimated duration to the nearest half hour, at least half an hour. */
export const hoursOf = (minutes: number) => Math.max(0.5, Math.round(minutes / 30) / 2)

/**
 * Certificates: issued by the server for a scored, passed attempt, once. One transaction marks the attempt
 * certified (conditioned on its pass and on having no certificate) and writes `CERT#{code}` (conditioned on the
 * code being new), so a certificate never exists without the pass that earned it, and a second request for the
 * same attempt writes nothing.
 */
export function createCertificates(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const certificates = {
    async issue(attempt: Attempt, input: { name: string; issuer: string }): Promise<Certificate> {
      if (!attempt.scoredAt) throw conflict('Submit the exam before asking for a certificate.')
      if (!attempt.passed) throw conflict('This attempt did not pass; a certificate is issued only for a pass.')
      if (attempt.certificate) throw conflict(`A certificate was issued for this attempt already (${attempt.certificate}).`)
      const issued = now()
      const until = validUntil(issued, attempt.validityMonths)
      for (let tries = 1; ; tries++) {
        const certificate: Certificate = {
          code: newCertificateCode(),
          tenant: attempt.tenant,
          slug: attempt.slug,
          courseId: attempt.courseId,
          courseTitle: attempt.courseTitle,
          issuer: input.issuer,
          hours: hoursOf(attempt.durationMinutes),
          initials: initialsOf(input.name),
          issuedAt: issued.toISOString(),
          validUntil: until,
          expiresAt: certificateExpiresAt(issued, until),
        }
        try {
          await db.transact([
            {
              Update: {
                Key: attemptKey(attempt.id),
                UpdateExpression: 'SET certificate = :code',
                ConditionExpression: 'attribute_exists(PK) AND passed = :passed AND attribute_not_exists(certificate)',
                ExpressionAttributeValues: { ':code': certificate.code, ':passed': true },
              },
            },
            { Put: { Item: { ...certificateKey(certificate.code), ...certificate }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ])
          return certificate
        } catch (error) {
          if ((error as Error).name !== 'TransactionCanceledException') throw error
          const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []
          if (reasons[0]?.Code === 'ConditionalCheckFailed') throw conflict('A certificate was issued for this attempt already.')
          // The code was taken (1 in 2^50 per certificate): draw another.
          if (reasons[1]?.Code === 'ConditionalCheckFailed' && tries < CODE_TRIES) continue
          if (reasons.some((reason) => reason.Code === 'TransactionConflict')) throw new ApiError(409, 'Another request for this certificate is being handled; try again.')
          throw error
        }
      }
    },

    async get(code: string): Promise<Certificate | undefined> {
      const record = await db.get<Record<string, unknown>>(certificateKey(code))
      if (!record) return undefined
      const { PK, SK, ...certificate } = record
      return certificate as unknown as Certificate
    },

    async require(code: string): Promise<Certificate> {
      const found = await certificates.get(code)
      if (!found) throw notFound(`No certificate ${code}.`)
      return found
    },
  }
  return certificates
}
