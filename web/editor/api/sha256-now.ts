/**
 * SHA-256 (FIPS 180-4) computed at once, for the one request that cannot wait for crypto.subtle: the one sent as
 * the page goes away (pagehide, issue 17). crypto.subtle answers in a later task, and a page being unloaded runs no
 * later task, so a request signed with it is never sent. Small bodies only (a keepalive body is at most 64 KB).
 */

/** The first 32 bits of the fractional parts of the square roots (initial hash) and cube roots (K) of the first primes. */
const primes = (count: number) => {
  const found: number[] = []
  for (let candidate = 2; found.length < count; candidate++) if (found.every((prime) => candidate % prime !== 0)) found.push(candidate)
  return found
}
const fraction = (value: number) => ((value - Math.floor(value)) * 0x100000000) >>> 0
const firstPrimes = primes(64)
const initial = firstPrimes.slice(0, 8).map((prime) => fraction(Math.sqrt(prime)))
const K = firstPrimes.map((prime) => fraction(Math.cbrt(prime)))

const rotate = (word: number, by: number) => (word >>> by) | (word << (32 - by))

export function sha256HexNow(bytes: Uint8Array): string {
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000))
  view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0)

  const hash = Uint32Array.from(initial)
  const w = new Uint32Array(64)
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    for (let i = 16; i < 64; i++) {
      const [early, late] = [w[i - 15]!, w[i - 2]!]
      w[i] = w[i - 16]! + (rotate(early, 7) ^ rotate(early, 18) ^ (early >>> 3)) + w[i - 7]! + (rotate(late, 17) ^ rotate(late, 19) ^ (late >>> 10))
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      ;[h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0]
    }
    ;[a, b, c, d, e, f, g, h].forEach((word, index) => (hash[index] = hash[index]! + word))
  }
  return Array.from(hash, (word) => word.toString(16).padStart(8, '0')).join('')
}
