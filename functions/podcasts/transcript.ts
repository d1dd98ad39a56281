import { gunzipSync, gzipSync } from 'node:zlib'
import type { Db, TransactItem } from '../shared/db.ts'
import { createLogger } from '../shared/logger.ts'

const logger = createLogger()

/** One speaker's turn in a transcript: consecutive cues by the same voice joined. */
export interface TranscriptTurn {
  start: number
  speaker?: string
  text: string
}

const timestamp = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/
const seconds = (value: string) => {
  const match = timestamp.exec(value.trim())
  if (!match) return 0
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000
}

/**
 * WebVTT cues to readable turns: speaker names from `<v Name>`, other tags removed, sound descriptions like
 * `[musikk]` kept as they are part of what a deaf reader needs.
 */
export function transcriptTurns(vtt: string): TranscriptTurn[] {
  const blocks = vtt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/)
  const turns: TranscriptTurn[] = []
  for (const block of blocks) {
    const lines = block.split('\n')
    const timing = lines.findIndex((line) => line.includes('-->'))
    if (timing === -1) continue
    const start = seconds(lines[timing]!.split('-->')[0]!)
    const raw = lines.slice(timing + 1).join(' ')
    const speaker = /<v(?:\.[^ >]+)?\s+([^>]+)>/.exec(raw)?.[1]?.trim()
    const text = raw.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim()
    if (!text) continue
    const last = turns.at(-1)
    if (last && last.speaker === speaker) last.text = `${last.text} ${text}`
    else turns.push({ start, speaker, text })
  }
  return turns
}

/**
 * Every captions or transcript file's turns live in DynamoDB beside it (docs/data-model.md), written in the
 * same transaction that marks the upload ready and removed with it. Reader pages then get a transcript
 * with one GetItem, and the site function needs no S3 access or S3 client at all.
 */
const transcriptKey = (mediaPath: string) => ({ PK: `TRANSCRIPT#${mediaPath}`, SK: 'TURNS' })

/** Items stop at 400 KB; gzip keeps ~10 hours of speech under this. */
const MAX_STORED_TRANSCRIPT_BYTES = 350 * 1024

/** The write that stores a WebVTT file's turns, or undefined when even compressed they would not fit. */
export function transcriptWrite(mediaPath: string, vtt: string): TransactItem | undefined {
  const turns = transcriptTurns(vtt)
  const packed = gzipSync(JSON.stringify(turns))
  if (packed.length > MAX_STORED_TRANSCRIPT_BYTES) return undefined
  return { Put: { Item: { ...transcriptKey(mediaPath), turns: packed, turnCount: turns.length } } }
}

export const transcriptRemoval = (mediaPath: string): TransactItem => ({ Delete: { Key: transcriptKey(mediaPath) } })

/** The stored turns of a media path; undefined when it has none (not captions, or too long to keep). */
export async function readTranscript(db: Db, mediaPath: string): Promise<TranscriptTurn[] | undefined> {
  const record = await db.get<{ turns: Uint8Array }>(transcriptKey(mediaPath))
  return record ? (JSON.parse(gunzipSync(record.turns).toString('utf8')) as TranscriptTurn[]) : undefined
}

/**
 * Transcripts for the episode page, so the text is on the page without JavaScript. Media paths are unique
 * per upload, so a transcript never changes under its path: cached for the life of the process (bounded).
 */
export function createTranscriptReader(db: Db, maxCached = 200) {
  const cache = new Map<string, Promise<TranscriptTurn[] | undefined>>()
  return (mediaPath: string): Promise<TranscriptTurn[] | undefined> => {
    let found = cache.get(mediaPath)
    if (!found) {
      found = readTranscript(db, mediaPath).catch((error) => {
        cache.delete(mediaPath)
        logger.error('Transcript could not be read', { mediaPath, error })
        return undefined
      })
      cache.set(mediaPath, found)
      if (cache.size > maxCached) cache.delete(cache.keys().next().value!)
    }
    return found
  }
}
