import { badRequest } from './errors.ts'

export type CursorKey = Record<string, string>

/**
 * What a cursor must look like to be handed to DynamoDB as ExclusiveStartKey for one query: exactly the key
 * attributes of the table or index queried, the query's partition, and a sort key inside the query's key
 * condition. DynamoDB answers anything else with a ValidationException, which would surface as a 500.
 */
export interface CursorShape {
  /** Every key attribute of a LastEvaluatedKey on the table or index queried (table keys included). */
  attributes: readonly string[]
  partitionKey: { name: string; value: string }
  sortKey: { name: string; prefix?: string; from?: string; to?: string }
}

/** Longer than any cursor this API hands out: a long string is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 4096
/** DynamoDB's own limits on key values, in UTF-8 bytes: partition keys 2048, sort keys 1024. */
const MAX_KEY_BYTES = 1024

const invalid = () => badRequest('The cursor does not belong to this listing. Start again from the first page.', 'invalid_cursor')

/** DynamoDB orders string keys by their UTF-8 bytes, which is not JavaScript's UTF-16 order beyond the BMP. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))

/** A string that survives UTF-8 unchanged: no lone surrogates, nothing empty, within DynamoDB's key size. */
const isKeyValue = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length > 0 &&
  Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES &&
  Buffer.from(value, 'utf8').toString('utf8') === value

/** Cursors are the page's last key, base64url-encoded JSON. Clients treat them as opaque. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/**
 * A cursor is checked against the query it is meant for before it reaches DynamoDB, so a cursor from
 * another listing, another tenant or a forger's hand is a 400 'invalid_cursor', never a 500 or a leak.
 * Checking the shape (rather than signing cursors) needs no secret to keep, and is enough: within its own
 * partition and key range a cursor only chooses where a page starts, which any reader may choose anyway.
 */
export function decodeCursor(cursor: string, shape: CursorShape): CursorKey {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid()
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badRequest('The cursor is not valid. Start again from the first page.', 'invalid_cursor')
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalid()
  const key = decoded as Record<string, unknown>
  const names = Object.keys(key)
  const exactAttributes = names.length === shape.attributes.length && shape.attributes.every((name) => Object.hasOwn(key, name))
  if (!exactAttributes || !names.every((name) => isKeyValue(key[name]))) throw invalid()
  if (key[shape.partitionKey.name] !== shape.partitionKey.value) throw invalid()
  const sortKey = key[shape.sortKey.name] as string
  const { prefix, from, to } = shape.sortKey
  if (prefix !== undefined && !sortKey.startsWith(prefix)) throw invalid()
  if (from !== undefined && compareBytes(sortKey, from) < 0) throw invalid()
  if (to !== undefined && compareBytes(sortKey, to) > 0) throw invalid()
  return key as CursorKey
}
