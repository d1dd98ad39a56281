import { randomInt } from 'node:crypto'

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `length` characters from the CSPRNG: 5 bits each (an attempt id of 26 has 130 bits, a code of 10 has 50). */
export function randomCode(length: number): string {
  let code = ''
  for (let i = 0; i < length; i++) code += alphabet[randomInt(32)]
  return code
}

export const isCode = (value: string, length: number) => value.length === length && [...value].every((char) => alphabet.includes(char))

/** Fisher–Yates with the CSPRNG: a reader must not be able to predict the order from an earlier attempt. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}
