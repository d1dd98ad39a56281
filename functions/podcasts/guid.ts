import { createHash } from 'node:crypto'

/**
 * Podcasting 2.0's `<podcast:guid>` (https://podcastindex.org/namespace/1.0#guid): a UUIDv5 of the feed's URL with
 * the scheme and any trailing slashes removed, in the namespace the spec fixes. Directories use it to recognise a
 * show wherever its feed moves, so it must be computed exactly as the spec says and never from the title.
 */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6'

/** RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes and the name's UTF-8, version 5, variant 10xx. */
export function uuidV5(name: string, namespace: string): string {
  const hex = namespace.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`Not a UUID: ${namespace}`)
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const out = hash.subarray(0, 16).toString('hex')
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`
}

/** The series' guid from its feed URL: `https://host/path/` and `http://host/path` give the same one. */
export const podcastGuid = (feedUrl: string) => uuidV5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, ''), PODCAST_GUID_NAMESPACE)
