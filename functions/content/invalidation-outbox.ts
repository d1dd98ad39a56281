import type { DynamoDBRecord } from 'aws-lambda'
import { ulid } from 'ulid'
import type { TransactItem } from '../shared/db.ts'
import * as keys from './keys.ts'

/**
 * The CDN's outbox (issue 16). A change readers can see writes, in its own transaction, one record naming the CDN
 * paths it made stale; the content table's stream hands each new record to the invalidator function
 * (invalidator.ts), which asks CloudFront to drop them. So the editor API and the scheduler carry no CloudFront
 * code, a change is never saved without its invalidation (nor an invalidation sent for a change that failed),
 * and a CloudFront hiccup is retried by Lambda instead of being lost in an editor's request. Zod-free and
 * schema-free on purpose: the invalidator's bundle is this file, invalidator.ts and the CloudFront client.
 */

/** How long a record stays for the stream to deliver (DynamoDB's TTL then removes it; streams keep 24 h anyway). */
const KEEP_SECONDS = 24 * 60 * 60

/**
 * CloudFront's quotas on invalidations in progress at once per distribution: 3,000 exact paths and 15 paths with
 * a wildcard (CloudFront developer guide, "Quotas"). One invalidation keeps well inside both, so three can be in
 * flight together and a burst of publishes does not meet TooManyInvalidationsInProgress.
 */
export const invalidationLimits = { wildcards: 5, paths: 100 } as const

const isWildcard = (path: string) => path.endsWith('*')
/** Drops paths a wildcard among them covers: `/vestfold*` covers `/vestfold/artikler/ny*`. */
function withoutCovered(paths: Iterable<string>): string[] {
  const unique = [...new Set(paths)].sort()
  const prefixes = unique.filter(isWildcard).map((path) => path.slice(0, -1))
  return unique.filter((path) => !prefixes.some((prefix) => path !== `${prefix}*` && path.startsWith(prefix)))
}
/** `/vestfold/artikler/ny*` → `/vestfold*`: the whole edition (or national section) a page belongs to. */
const sectionOf = (path: string) => path.replace(/^(\/[^/*]+)\/.*$/, '$1*')
const fits = (paths: string[]) => paths.length <= invalidationLimits.paths && paths.filter(isWildcard).length <= invalidationLimits.wildcards

/**
 * One invalidation's paths for any number of changes, within `invalidationLimits`: exact while they fit, else each
 * edition (or national section) whole, else the whole distribution (`/*`: one path, and the cache it empties
 * refills within a minute's `s-maxage` anyway). A change the national edition shows touches its seven sections,
 * so it takes `/*`; a regional change stays exact.
 */
export function mergePaths(paths: Iterable<string>): string[] {
  const exact = withoutCovered(paths)
  if (fits(exact)) return exact
  const sections = withoutCovered(exact.map(sectionOf))
  return fits(sections) ? sections : ['/*']
}

/**
 * The outbox record for a change's paths, to go in the change's own transaction; none when no page changed.
 * `reference` says what changed, for the logs. The paths are merged first, so the record is always small.
 */
export function invalidationWrite(paths: string[], reference: string, now: Date): TransactItem[] {
  if (!paths.length) return []
  const Item = {
    PK: keys.invalidationPk(ulid(now.getTime())),
    SK: keys.invalidationSk,
    paths: mergePaths(paths),
    reference,
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
  }
  return [{ Put: { Item, ConditionExpression: 'attribute_not_exists(PK)' } }]
}

/**
 * The records the invalidator is invoked for, as a Lambda event filter (Lambda's FilterCriteria pattern syntax):
 * new outbox records only, never their TTL removal nor any other record. CDK puts it on the event source mapping
 * (infra/stacks/functions.ts) and the local stream poller applies the same object (infra/local/stream-events.ts).
 */
export const invalidationStreamFilter = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { PK: { S: [{ prefix: keys.invalidationPrefix }] } } },
}

export interface InvalidationRequest {
  /** The record's own id: a retried delivery of the same record carries the same one. */
  id: string
  paths: string[]
  reference: string
}

/** An outbox record from a stream record (NEW_IMAGE), or undefined for anything else. */
export function invalidationFromStream(record: DynamoDBRecord): InvalidationRequest | undefined {
  const image = record.dynamodb?.NewImage
  const pk = image?.PK?.S
  if (record.eventName !== 'INSERT' || !pk?.startsWith(keys.invalidationPrefix)) return undefined
  const paths = (image?.paths?.L ?? []).flatMap((value) => (value.S?.startsWith('/') ? [value.S] : []))
  return { id: pk.slice(keys.invalidationPrefix.length), paths, reference: image?.reference?.S ?? '' }
}
