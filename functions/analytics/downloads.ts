import { parseMediaPath } from '../media/paths.ts'
import type { AccessLogRequest } from './access-log.ts'
import type { AnalyticsCounts } from './counts.ts'
import { dayOf } from './days.ts'
import { isListenerBot } from './listener-agents.ts'
import { ipNetwork, listenerHash } from './listener-ip.ts'
import type { ListenerState } from './listeners.ts'

/*
 * Podcast downloads and film plays by IAB Podcast Measurement Technical Guidelines 2.x (issue 15), from access-log
 * requests: only GETs answered 200 or 206 for an audio or video file's own path, no known bot (listener-agents.ts) and
 * no request without a user agent; a listener is a network (IPv4, or IPv6 /64), user agent and file on one day (Norway), keyed by
 * an HMAC under the day's salt; its body bytes are summed over every range it requested that day, and it counts as
 * one download the first time they reach one minute of the file (its bytes per minute, from the media record's size
 * and duration; the whole file if it is shorter or its duration unknown). Addresses are used only to make the key.
 */

/** What counting needs of a media file. */
export interface MediaFacts {
  kind: string
  bytes: number
  filename: string
  durationSeconds?: number
}

export interface DownloadCounting {
  media: (tenant: string, id: string) => Promise<MediaFacts | undefined>
  listeners: ListenerState
  counts: Pick<AnalyticsCounts, 'countDownloads'>
}

/** Bytes that make one minute of the file: its size over its minutes, or all of it. */
export function minuteBytes(media: MediaFacts): number {
  if (!media.durationSeconds || media.durationSeconds <= 60) return media.bytes
  return Math.ceil((media.bytes * 60) / media.durationSeconds)
}

/** Counts the downloads among `requests` (one log file's); returns how many it counted. */
export async function countDownloads(requests: Iterable<AccessLogRequest>, counting: DownloadCounting): Promise<number> {
  const mediaCache = new Map<string, Promise<MediaFacts | undefined>>()
  // One file's requests summed per listener first, so a listener costs one write per file, not one per range.
  const listeners = new Map<string, { day: string; tenant: string; mediaId: string; threshold: number; bytes: number }>()
  for (const request of requests) {
    if (request.method !== 'GET' || (request.status !== 200 && request.status !== 206)) continue
    if (isListenerBot(request.userAgent)) continue
    const ref = parseMediaPath(request.path)
    if (!ref) continue
    const cacheKey = `${ref.tenant}/${ref.mediaId}`
    if (!mediaCache.has(cacheKey)) mediaCache.set(cacheKey, counting.media(ref.tenant, ref.mediaId))
    const media = await mediaCache.get(cacheKey)
    // Only the audio or film itself: not its captions, transcript or a picture's variants.
    if (!media || (media.kind !== 'audio' && media.kind !== 'video') || ref.file !== media.filename) continue
    const network = ipNetwork(request.ip)
    if (!network) continue
    const day = dayOf(request.at)
    const hash = listenerHash(await counting.listeners.saltOf(day), network, request.userAgent, cacheKey)
    const listener = listeners.get(`${day}#${hash}`) ?? { day, tenant: ref.tenant, mediaId: ref.mediaId, threshold: minuteBytes(media), bytes: 0 }
    listener.bytes += request.bodyBytes
    listeners.set(`${day}#${hash}`, listener)
  }
  let counted = 0
  const perFile = new Map<string, { tenant: string; mediaId: string; day: string; downloads: number }>()
  for (const [key, listener] of listeners) {
    const hash = key.slice(listener.day.length + 1)
    if (!(await counting.listeners.addBytes(listener.day, hash, listener.bytes, listener.threshold))) continue
    const fileDay = `${listener.tenant}/${listener.mediaId}/${listener.day}`
    const entry = perFile.get(fileDay) ?? { tenant: listener.tenant, mediaId: listener.mediaId, day: listener.day, downloads: 0 }
    entry.downloads++
    perFile.set(fileDay, entry)
    counted++
  }
  for (const entry of perFile.values()) await counting.counts.countDownloads(entry.tenant, entry.mediaId, entry.day, entry.downloads)
  return counted
}
