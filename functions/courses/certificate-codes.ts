import { isCode, randomCode } from './exam-random.ts'

/** 10 characters of Crockford base32: 50 random bits, so codes cannot be guessed, yet short enough to type. */
export const CERTIFICATE_CODE_LENGTH = 10
export const newCertificateCode = () => randomCode(CERTIFICATE_CODE_LENGTH)
/** A code as typed: Crockford lets O/I/L stand for 0/1/1 and ignores case and hyphens. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/-/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return isCode(code, CERTIFICATE_CODE_LENGTH) ? code : undefined
}

/**
 * "Kari Anne Nordmann" → "K. A. N.": the first letter of each part of the name, at most five. This is all of
 * the holder that is stored; the full name is printed on the PDF and then forgotten.
 */
export function initialsOf(name: string): string {
  const parts = name
    .normalize('NFC')
    .split(/[\s-]+/u)
    .map((part) => part.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => Boolean(letter))
  return parts
    .slice(0, 5)
    .map((letter) => `${letter.toLocaleUpperCase('nb')}.`)
    .join(' ')
}

/** The last day a certificate issued on `issued` is valid, as yyyy-mm-dd, or null when the course sets no validity. */
export function validUntil(issued: Date, months: number | null): string | null {
  if (months === null) return null
  const end = new Date(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth() + months, issued.getUTCDate()))
  // 31 January + 1 month would roll into March: the month's last day instead.
  if (end.getUTCDate() !== issued.getUTCDate()) end.setUTCDate(0)
  return end.toISOString().slice(0, 10)
}

/** Kept for verification until three months after it expires; a certificate without an end is kept five years. */
export const CERTIFICATE_GRACE_DAYS = 90
export const CERTIFICATE_KEEP_MONTHS_WITHOUT_VALIDITY = 60
export function certificateExpiresAt(issued: Date, until: string | null): number {
  const end = until ?? validUntil(issued, CERTIFICATE_KEEP_MONTHS_WITHOUT_VALIDITY)!
  return Math.floor(Date.parse(`${end}T23:59:59Z`) / 1000) + CERTIFICATE_GRACE_DAYS * 24 * 60 * 60
}
