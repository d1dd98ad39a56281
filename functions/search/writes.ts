import { ulid } from 'ulid'
import { editionsOf } from '../content/entries.ts'
import { readFollowers, visibleFollowers } from '../content/followers.ts'
import type { FollowHook } from '../content/following.ts'
import type { PublishHook } from '../content/publishing.ts'
import type { PublishedItem } from '../content/schema.ts'
import type { StoredItem } from '../content/store.ts'
import { courseLessonTexts } from '../courses/lesson-text.ts'
import { readTranscript } from '../podcasts/transcript.ts'
import type { Db, TransactItem } from '../shared/db.ts'
import { searchDocument, type ExtraText } from './documents.ts'
import * as keys from './keys.ts'

export interface SearchWriteOptions {
  nationalTenant: string
  now?: () => Date
}

/** Spoken text of an item's media: a film's captions, a podcast's episode transcripts (stored turns, not files). */
async function spokenText(db: Db, item: PublishedItem): Promise<string[]> {
  const paths = item.type === 'film' ? [item.video.captions] : item.type === 'podkast' ? item.episodes.map((episode) => episode.transcript) : []
  const turns = await Promise.all(paths.filter((path): path is string => Boolean(path)).map((path) => readTranscript(db, path)))
  return turns.map((list) => (list ?? []).map((turn) => turn.text).join(' '))
}

export const documentKey = (item: Pick<StoredItem, 'tenant' | 'id'>) => ({ PK: keys.tenantPk(item.tenant), SK: keys.documentSk(item.id) })

/** The log record a warm search function finds a change by (loader.ts). */
export const changeRecord = (owner: string, id: string, at: string): TransactItem => ({
  Put: {
    Item: { PK: keys.changesPk, SK: keys.changeSk(at, owner, id, ulid()), owner, id, expiresAt: Math.floor(Date.parse(at) / 1000) + keys.CHANGE_TTL_SECONDS },
  },
})

/** A published item's document fields, as the publish writes them and the rebuild rewrites them. */
export async function documentFields(db: Db, options: SearchWriteOptions, item: StoredItem, snapshot: PublishedItem, shownFollowers: string[]) {
  const extra: ExtraText = { spoken: await spokenText(db, snapshot), lessons: await courseLessonTexts(db, item) }
  const editions = [...editionsOf(item, options.nationalTenant), ...shownFollowers]
  return { ...searchDocument(snapshot, editions, extra), updatedAt: snapshot.updatedAt }
}

/**
 * Search's part of every publish, withdraw and follow (content/publishing.ts and following.ts call it inside their
 * one transaction): the item's search document is written, removed or re-listed together with what readers see,
 * plus a change-log record the warm search functions read (loader.ts). So search never shows a draft, never keeps a
 * withdrawn item, and two publishes at once cannot leave it behind: the transaction that wins wrote its document.
 */
export function searchWriteHook(db: Db, options: SearchWriteOptions): PublishHook & FollowHook {
  const now = () => (options.now?.() ?? new Date()).toISOString()

  return {
    async publish(item, snapshot) {
      // Publish reads the same record and checks it unchanged in its transaction, so both see the same followers.
      const followers = await readFollowers(db, item, options.nationalTenant)
      const shown = visibleFollowers(item, followers, options.nationalTenant)
      const record = { ...documentKey(item), ...(await documentFields(db, options, item, snapshot, shown)) }
      return [{ Put: { Item: record } }, changeRecord(item.tenant, item.id, snapshot.updatedAt)]
    },

    async withdraw(item) {
      return [{ Delete: { Key: documentKey(item) } }, changeRecord(item.tenant, item.id, now())]
    },

    /**
     * A follow changes only which editions list the item, so only that is set. Unconditionally: a follow must never
     * fail for search's sake. Where no document exists yet (an item published before search), this leaves a record
     * without a card, which the loader skips until the next publish or `npm run search:rebuild` writes it whole.
     */
    async followersChanged(item, shown) {
      const editions = [...new Set([...editionsOf(item, options.nationalTenant), ...shown])].sort()
      return [
        {
          Update: {
            Key: documentKey(item),
            UpdateExpression: 'SET editions = :editions',
            ExpressionAttributeValues: { ':editions': editions },
          },
        },
        changeRecord(item.tenant, item.id, now()),
      ]
    },
  }
}
