import { readFileSync, statSync } from 'node:fs'
import * as z from 'zod'

/**
 * The committed demo clips made by media/make-fixtures.sh. Their durations and cue timings come from
 * media/fixtures.json (measured with ffprobe when they were made); byte sizes come from the files themselves,
 * so an RSS enclosure length is always the size of what is uploaded.
 */
const cueSchema = z.object({ start: z.number().min(0), end: z.number().min(0), voice: z.string().nullable(), text: z.string().min(1) })
export type Cue = z.infer<typeof cueSchema>

const clipSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.(mp3|mp4)$/),
  mimeType: z.enum(['audio/mpeg', 'video/mp4']),
  durationSeconds: z.number().positive(),
  cues: z.array(cueSchema).min(1),
})
const fixturesSchema = z.object({ version: z.int().min(1), episode: clipSchema, film: clipSchema })

export interface Clip {
  mimeType: 'audio/mpeg' | 'video/mp4'
  /** Whole seconds, as the content schema and itunes:duration want them. */
  durationSeconds: number
  bytes: number
  cues: Cue[]
  /** The object file name, versioned: a changed clip gets a new URL, never new bytes at an old one. */
  fileName: string
  /** Its captions or transcript, named alike (`film-v1.vtt`). */
  textFileName: string
  read(): Buffer
}

export interface Fixtures {
  episode: Clip
  film: Clip
}

const folder = new URL('./media/', import.meta.url)

export function loadFixtures(): Fixtures {
  const manifest = fixturesSchema.parse(JSON.parse(readFileSync(new URL('fixtures.json', folder), 'utf8')))
  const clip = (entry: z.infer<typeof clipSchema>): Clip => {
    const url = new URL(entry.file, folder)
    const [name, extension] = entry.file.split('.') as [string, string]
    return {
      mimeType: entry.mimeType,
      durationSeconds: Math.max(1, Math.round(entry.durationSeconds)),
      bytes: statSync(url).size,
      cues: entry.cues,
      fileName: `${name}-v${manifest.version}.${extension}`,
      textFileName: `${name}-v${manifest.version}.vtt`,
      read: () => readFileSync(url),
    }
  }
  return { episode: clip(manifest.episode), film: clip(manifest.film) }
}
