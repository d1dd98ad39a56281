import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { mediaPathPrefix } from '../../infra/definitions.ts'

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
 * Reads transcripts from the media bucket for the episode page, so the text is on the page without
 * JavaScript. Media keys are unique per upload, so a transcript never changes under its path: cached for
 * the life of the process (bounded).
 */
export function createTranscriptReader(s3: S3Client, bucket: string, maxCached = 200) {
  const cache = new Map<string, Promise<TranscriptTurn[] | undefined>>()
  return (path: string): Promise<TranscriptTurn[] | undefined> => {
    let found = cache.get(path)
    if (!found) {
      found = s3
        .send(new GetObjectCommand({ Bucket: bucket, Key: decodeURIComponent(path.slice(mediaPathPrefix.length)) }))
        .then(async (object) => transcriptTurns(await object.Body!.transformToString('utf-8')))
        .catch((error) => {
          cache.delete(path)
          console.error(`Transcript ${path} could not be read`, error)
          return undefined
        })
      cache.set(path, found)
      if (cache.size > maxCached) cache.delete(cache.keys().next().value!)
    }
    return found
  }
}
