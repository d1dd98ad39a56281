/**
 * Rendered item pages kept in the function's memory, least recently used first out. An item page is a pure
 * function of its key (see `pageKey` in pages-kit.tsx and the item routes), so a warm Lambda answers the
 * same snapshot again with the string it already built and hashed, and skips Preact. Bounded by count and by
 * bytes: a crawler walking every page of every edition only cycles the cache, it cannot grow the process.
 */
export interface RenderCacheOptions {
  /** At most this many pages. */
  maxEntries?: number
  /** At most about this many bytes of keys and pages (JavaScript strings counted at two bytes a character). */
  maxBytes?: number
}

export interface CachedPage {
  html: string
  etag: string
}

interface Entry extends CachedPage {
  bytes: number
}

export const defaultRenderCache = { maxEntries: 500, maxBytes: 20 * 1024 * 1024 } as const

/** UTF-16 is the most a string can take; V8 often stores these in one byte, so this errs on the safe side. */
const sizeOf = (key: string, page: CachedPage) => 2 * (key.length + page.html.length + page.etag.length) + 64

export function createRenderCache(options: RenderCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? defaultRenderCache.maxEntries
  const maxBytes = options.maxBytes ?? defaultRenderCache.maxBytes
  // A Map iterates in insertion order, so re-inserting on every hit makes its first key the least recently used.
  const entries = new Map<string, Entry>()
  let bytes = 0

  const remove = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= entry.bytes
  }

  return {
    get(key: string): CachedPage | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      entries.set(key, entry)
      return entry
    },

    set(key: string, page: CachedPage) {
      remove(key)
      const entry = { ...page, bytes: sizeOf(key, page) }
      // A page larger than the whole budget would only push everything else out; it is rendered each time.
      if (entry.bytes > maxBytes || maxEntries < 1) return
      entries.set(key, entry)
      bytes += entry.bytes
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break
        remove(oldest)
      }
    },

    /** What the cache holds now: for tests and the bench. */
    stats: () => ({ entries: entries.size, bytes, maxEntries, maxBytes }),
  }
}
export type RenderCache = ReturnType<typeof createRenderCache>
