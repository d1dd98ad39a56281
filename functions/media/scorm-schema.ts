import * as z from 'zod'

/**
 * What the media worker read from a SCORM package's manifest and zip (scorm-unpack.ts), kept on its media record
 * and copied onto a course that uses it at every save (facts.ts), so the reader's page needs no other read.
 */
export const scormFactsSchema = z.object({
  version: z.enum(['1.2', '2004']),
  /** The first SCO's launch page, relative to the package root, with any query the manifest gives it. */
  launch: z.string().min(1).max(1000),
  title: z.string().max(200),
  /** 0–100, from the manifest; absent when the package sets none (the course's pass mark then applies). */
  masteryPercent: z.number().min(0).max(100).optional(),
  fileCount: z.int().min(1),
  /** Every file's bytes, unpacked. */
  unpackedBytes: z.int().min(0),
})
export type ScormFacts = z.infer<typeof scormFactsSchema>
