import { ApiError } from './errors.ts'

/** DynamoDB refuses an item over 400 KB with a ValidationException, which would otherwise surface as a 500. */
export const MAX_ITEM_BYTES = 400 * 1024

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8')

/**
 * The size DynamoDB counts for a value, by AWS's sizing rules ("Item sizes and formats", DynamoDB developer
 * guide): strings and binaries by their bytes, a number by its significant digits (about one byte per two,
 * plus one; at most 21), booleans and null one byte, a list or map 3 bytes plus one per element (and a
 * map its attribute names). Never below what DynamoDB counts, so an item that passes here fits there.
 */
export function attributeValueSize(value: unknown): number {
  if (value === undefined) return 0 // removeUndefinedValues drops it before it is sent
  if (value === null || typeof value === 'boolean') return 1
  if (typeof value === 'string') return utf8(value)
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value).replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '') || '0'
    return Math.min(21, Math.ceil(digits.length / 2) + 1)
  }
  if (value instanceof Uint8Array) return value.byteLength
  if (value instanceof Set) return [...value].reduce((sum: number, entry) => sum + attributeValueSize(entry), 0)
  if (Array.isArray(value)) return value.reduce((sum: number, entry) => sum + 1 + attributeValueSize(entry), 3)
  if (typeof value === 'object') return Object.entries(value).reduce((sum, [name, entry]) => sum + (entry === undefined ? 0 : 1 + utf8(name) + attributeValueSize(entry)), 3)
  return utf8(String(value))
}

/** An item's size: each attribute's name and value, as DynamoDB counts them against the 400 KB limit. */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + (value === undefined ? 0 : utf8(name) + attributeValueSize(value)), 0)
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`

/**
 * Refuses, before anything is sent, an item DynamoDB would refuse: a 413 that names the largest fields, so
 * an editor knows what to shorten. Every save writes the item and a revision copy of it, so both are checked.
 */
export function assertItemFits(item: Record<string, unknown>): void {
  const size = itemSize(item)
  if (size <= MAX_ITEM_BYTES) return
  const largest = Object.entries(item)
    .map(([name, value]) => ({ name, bytes: utf8(name) + attributeValueSize(value) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 2)
  throw new ApiError(
    413,
    `The item is too large to store: ${kilobytes(size)}, where the limit is ${kilobytes(MAX_ITEM_BYTES)}. ` +
      `The largest parts are ${largest.map((part) => `${part.name} (${kilobytes(part.bytes)})`).join(' and ')}. ` +
      'Shorten the text, or split it into several items.',
    'payload_too_large',
    { limitBytes: MAX_ITEM_BYTES, sizeBytes: size, largest: largest.map((part) => part.name) },
  )
}
