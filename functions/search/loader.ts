import type { Db } from '../shared/db.ts'
import type { SearchDocument } from './documents.ts'
import { SearchIndex } from './engine.ts'
import * as keys from './keys.ts'

export interface SearchLoaderOptions {
  /** The owners whose documents to load: every tenant in the catalog. */
  tenants: () => Promise<string[]>
  /** How often a warm index looks for changes; 0 on every request (tests, the local system). */
  refreshMs?: number
  now?: () => number
  /** Called after each load or refresh, with what it cost (the bench reads it). */
  onLoad?: (event: { kind: 'full' | 'changes'; documents: number; ms: number }) => void
}

/** Changes are read again this far back, so a change whose log record lands late (clock skew, a slow commit) is still met. */
const OVERLAP_MS = 60_000
/** Past this without a look the log (kept a day) is not trusted to cover the gap: load everything again. */
const FULL_RELOAD_MS = 3600_000
const PAGE = 500

type DocumentRecord = Partial<SearchDocument> & { PK: string; SK: string }
const isComplete = (record: DocumentRecord): record is DocumentRecord & SearchDocument => Boolean(record.card && typeof record.text === 'string' && record.editions)
const asDocument = ({ card, text, editions }: SearchDocument): SearchDocument => ({ card, text, editions })

/**
 * Keeps one SearchIndex in memory for the life of the function: on the first request every owner's documents are
 * read (one Query per tenant, in parallel, paged) and indexed; after that, each request at most every `refreshMs`
 * reads the change log from just before the last look and applies each changed item by reading its document
 * (consistently): present → indexed anew, absent → removed. Never a full rebuild per publish.
 */
export function createSearchLoader(db: Db, options: SearchLoaderOptions) {
  const now = options.now ?? Date.now
  const refreshMs = options.refreshMs ?? 1000
  let index: SearchIndex | undefined
  let checkedAt = 0
  /** Change records already applied, within the overlap window (so each is read once). */
  let applied = new Map<string, number>()
  let pending: Promise<SearchIndex> | undefined

  async function ownerDocuments(owner: string): Promise<SearchDocument[]> {
    const found: SearchDocument[] = []
    let cursor: string | undefined
    do {
      const page = await db.query<DocumentRecord>({ partitionKey: { name: 'PK', value: keys.tenantPk(owner) }, sortKeyPrefix: { name: 'SK', value: keys.documentPrefix }, limit: PAGE, cursor })
      found.push(...page.items.filter(isComplete).map(asDocument))
      cursor = page.nextCursor
    } while (cursor)
    return found
  }

  async function loadAll(): Promise<SearchIndex> {
    const started = now()
    const fresh = new SearchIndex()
    const owners = await options.tenants()
    for (const docs of await Promise.all(owners.map(ownerDocuments))) for (const doc of docs) fresh.put(doc)
    index = fresh
    checkedAt = started
    applied = new Map()
    options.onLoad?.({ kind: 'full', documents: fresh.size, ms: now() - started })
    return fresh
  }

  async function applyChanges(current: SearchIndex): Promise<SearchIndex> {
    const started = now()
    const from = new Date(checkedAt - OVERLAP_MS).toISOString()
    const changes: Array<{ SK: string; owner: string; id: string }> = []
    let cursor: string | undefined
    do {
      const page = await db.query<{ SK: string; owner: string; id: string }>({ partitionKey: { name: 'PK', value: keys.changesPk }, sortKeyFrom: { name: 'SK', value: from }, limit: PAGE, cursor })
      changes.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    const fresh = changes.filter((change) => !applied.has(change.SK))
    const items = [...new Map(fresh.map((change) => [`${change.owner}/${change.id}`, change])).values()]
    // Each changed item as it is now, read consistently: the log says only that it changed, so order does not matter.
    const records = await Promise.all(items.map((change) => db.get<DocumentRecord>({ PK: keys.tenantPk(change.owner), SK: keys.documentSk(change.id) }, { consistent: true })))
    items.forEach((change, position) => {
      const record = records[position]
      if (record && isComplete(record)) current.put(asDocument(record))
      else current.remove(`${change.owner}/${change.id}`)
    })
    for (const change of fresh) applied.set(change.SK, started)
    for (const [sk, at] of applied) if (at < started - 2 * OVERLAP_MS) applied.delete(sk)
    checkedAt = started
    if (items.length) options.onLoad?.({ kind: 'changes', documents: items.length, ms: now() - started })
    return current
  }

  /** The index, loaded or brought up to date as needed; concurrent callers share one load. */
  function ready(): Promise<SearchIndex> {
    if (pending) return pending
    const age = now() - checkedAt
    if (index && age < refreshMs) return Promise.resolve(index)
    const work = !index || age > FULL_RELOAD_MS ? loadAll() : applyChanges(index)
    pending = work.finally(() => {
      pending = undefined
    })
    return pending
  }

  return { ready, reload: loadAll }
}
export type SearchLoader = ReturnType<typeof createSearchLoader>
