import * as z from 'zod'
import { focalPointSchema, imageVariantsSchema, instantSchema, mediaPathSchema, tenantIdSchema } from '../content/schema.ts'
import { textOnly } from '../content/text.ts'
import { mediaKinds } from './kinds.ts'
import { mediaSorts, mediaStatusFilters, mediaUsageFilters } from './listing.ts'
import { refusalReasons } from './refusals.ts'
import { scormFactsSchema } from './scorm-schema.ts'

export const mediaKindSchema = z.enum(mediaKinds)
export const mediaIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Media ids are 26-character ULIDs')
/**
 * pending: waiting for the bytes · processing: confirmed, the media worker is checking them · ready: verified
 * and public · refused: not what was announced (`problem`, `reason`); nothing of it is stored, and the record
 * itself goes a day later.
 */
export const mediaStatusSchema = z.enum(['pending', 'processing', 'ready', 'refused'])
export type MediaStatus = z.infer<typeof mediaStatusSchema>

/** Text an editor types: no control characters and no markup, so it stays text wherever it is shown. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine(textOnly())
    .refine((text) => !/<\s*[a-z!/?]/i.test(text), 'Write plain text: HTML tags such as <script> are not allowed')

export const tenantParamSchema = z.object({ tenant: tenantIdSchema })
export const mediaParamSchema = z.object({ tenant: tenantIdSchema, id: mediaIdSchema })
export const uploadParamSchema = z.object({ tenant: tenantIdSchema, mediaId: mediaIdSchema })

export const uploadRequestSchema = z.object({
  kind: mediaKindSchema,
  filename: plainText(255).refine((name) => name.length > 0, 'Give the file name, with its extension'),
  contentType: z.string().trim().toLowerCase().min(1, 'Give the file type, e.g. image/png').max(100),
  size: z
    .int('Give the size in bytes as a whole number')
    .min(1, 'The file is empty (0 bytes). Choose the file again.')
    .max(Number.MAX_SAFE_INTEGER),
})
export type UploadRequest = z.infer<typeof uploadRequestSchema>

export const completeRequestSchema = z.object({
  /** Multipart uploads only: the ETag S3 answered for each part. */
  parts: z
    .array(z.object({ partNumber: z.int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
    .max(10_000)
    .optional(),
})

export const mediaPatchSchema = z
  .object({
    alt: plainText(500).optional(),
    title: plainText(200).optional(),
    /** Images only; `null` puts it back in the centre. */
    focalPoint: focalPointSchema.nullable().optional(),
    /**
     * The `updatedAt` the editor's copy has: the write holds only while the file is unchanged since (409
     * 'stale_version' with `current` otherwise), so two editors placing the focal point lose neither's work unseen.
     * Required with `focalPoint`.
     */
    updatedAt: instantSchema.optional(),
  })
  .refine((patch) => patch.alt !== undefined || patch.title !== undefined || patch.focalPoint !== undefined, 'Send alt, title or focalPoint (or several)')
  .refine((patch) => patch.focalPoint === undefined || patch.updatedAt !== undefined, {
    message: 'Send updatedAt (as the file was when you loaded it) with focalPoint, so a change made meanwhile is not overwritten',
    path: ['updatedAt'],
  })
export type MediaPatch = z.infer<typeof mediaPatchSchema>

/** GET …/media: the library's search, filters and order (library.ts), paged. */
export const mediaListQuerySchema = z.object({
  kind: mediaKindSchema.optional(),
  status: z.enum(mediaStatusFilters).optional(),
  q: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  usage: z.enum(mediaUsageFilters, { error: 'Give usage as used (files some item uses) or unused (files no item uses)' }).optional(),
  sort: z.enum(mediaSorts).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
})
export type MediaListQuery = z.infer<typeof mediaListQuerySchema>

/** A media file as the editor API answers it. */
export const mediaSchema = z.object({
  id: mediaIdSchema,
  tenant: tenantIdSchema,
  kind: mediaKindSchema,
  status: mediaStatusSchema,
  key: z.string(),
  /** Where readers fetch it; what content items store. */
  path: mediaPathSchema,
  filename: z.string(),
  contentType: z.string(),
  /** Announced while pending, measured once ready. */
  bytes: z.int().min(1),
  title: z.string().optional(),
  alt: z.string().optional(),
  /** An image cannot be used in content until it has alt text. */
  needsAlt: z.boolean(),
  width: z.int().optional(),
  height: z.int().optional(),
  /** Images: where the subject is, so crops keep it (content/schema.ts focalPointSchema); absent is the centre. */
  focalPoint: focalPointSchema.optional(),
  /** Read from the file (audio and video), whole seconds. */
  durationSeconds: z.int().min(1).optional(),
  /** A picture's responsive variants (variants.ts): their widths, formats and each file's bytes. */
  variants: imageVariantsSchema.extend({ bytes: z.object({ avif: z.array(z.int()).optional(), webp: z.array(z.int()).optional() }) }).optional(),
  /** A SCORM package's version, launch page, title, mastery score, files and bytes, read when it was unpacked. */
  scorm: scormFactsSchema.optional(),
  /** Refused files only: why, in English, and as a stable reason the workspace words in bokmål. */
  problem: z.string().optional(),
  reason: z.enum(refusalReasons).optional(),
  createdAt: instantSchema,
  createdBy: z.string(),
  updatedAt: instantSchema,
})
export type Media = z.infer<typeof mediaSchema>

/**
 * A file as the library lists it: with how many items use it (store.ts useCounts). "At least" when the listing's
 * `useCountsComplete` is false.
 */
export type ListedMedia = Media & { useCount: number }

/** What is stored besides: where the bytes were uploaded, how, and a delete in progress. */
export const mediaRecordSchema = mediaSchema.omit({ needsAlt: true }).extend({
  /** The staging key the browser uploads to (keys.ts stagingKey); absent on records older than staging. */
  stagingKey: z.string().optional(),
  multipart: z.object({ uploadId: z.string(), partSize: z.int(), partCount: z.int() }).optional(),
  deleting: instantSchema.optional(),
  /** Epoch seconds: DynamoDB's TTL removes a refused record then (infra/definitions.ts contentTable). */
  expiresAt: z.int().optional(),
})
export type MediaRecord = z.infer<typeof mediaRecordSchema>

export const toMedia = (record: MediaRecord): Media =>
  mediaSchema.parse({ ...record, needsAlt: record.kind === 'image' && !record.alt })

export const uploadAnswerSchema = z.discriminatedUnion('method', [
  z.object({ mediaId: mediaIdSchema, key: z.string(), method: z.literal('post'), url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: instantSchema }),
  z.object({
    mediaId: mediaIdSchema,
    key: z.string(),
    method: z.literal('multipart'),
    uploadId: z.string(),
    partSize: z.int(),
    parts: z.array(z.object({ partNumber: z.int(), url: z.string() })),
    expiresAt: instantSchema,
  }),
])
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>
