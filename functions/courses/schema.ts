import * as z from 'zod'
import { richTextWithoutEmbedsSchema } from '../content/richtext.ts'
import { lineText } from '../content/text.ts'
import { slugPattern } from '../content/vocabulary.ts'
import { isMediaPath, maxMediaPathLength, mediaPathMessage } from '../media/paths.ts'
import { practiceQuestionsSchema } from './exam-schema.ts'

/**
 * What an editor sends for a course's lessons. Bounds keep a publish inside one DynamoDB transaction (100
 * writes, with the item's own entries and counts) and a lesson page small.
 */
export const maxModules = 12
export const maxLessons = 30

const slug = slugPattern.source.slice(1, -1)
/** A film or podcast item (or episode) on the site, by its path; built from the same slug shape as item paths. */
const itemRefPattern = new RegExp(`^/${slug}/(film|podkast)/${slug}(/${slug})?$`)

const mediaPath = z.string().max(maxMediaPathLength).refine(isMediaPath, { message: mediaPathMessage, params: { code: 'invalid_media' } })
const title = lineText(200, { min: 1, trim: true })

export const lessonMediaSchema = z
  .object({
    kind: z.enum(['film', 'podkast']),
    src: z.string().max(maxMediaPathLength).refine((src) => isMediaPath(src) || itemRefPattern.test(src), {
      message: 'Give an uploaded file (/media/tenants/…) or a film or podcast on the site (/{edition}/film/{slug})',
      params: { code: 'invalid_media' },
    }),
    title,
    /** WebVTT captions of an uploaded film (a film item on the site carries its own). */
    captions: mediaPath.refine((src) => src.endsWith('.vtt'), 'Captions must be a WebVTT (.vtt) file').optional(),
  })
  .refine((media) => isMediaPath(media.src) || itemRefPattern.exec(media.src)?.[1] === media.kind, {
    message: 'The item path must be a film for a film and a podcast for a podcast',
    path: ['src'],
  })
  // Universal design (WCAG 1.2.2), as for film items: an uploaded film is shown with Norwegian captions.
  .refine((media) => !(media.kind === 'film' && isMediaPath(media.src) && !media.captions), {
    message: 'An uploaded film needs WebVTT captions; choose the captions file, or link a film item that has them',
    path: ['captions'],
  })

export const lessonInputSchema = z.object({
  title,
  body: richTextWithoutEmbedsSchema,
  image: z.object({ src: mediaPath, alt: lineText(500, { min: 1, trim: true }) }).optional(),
  media: lessonMediaSchema.optional(),
  pdf: z.object({ src: mediaPath.refine((src) => src.endsWith('.pdf'), 'The download must be a PDF file'), title }).optional(),
  /** Questions readers answer under the lesson text, checked on the server and never stored per reader. */
  practice: practiceQuestionsSchema.optional(),
})

export const moduleInputSchema = z.object({
  title,
  lessons: z.array(lessonInputSchema).min(1, 'A module needs at least one lesson').max(maxLessons),
})

/** PUT …/items/:id/lessons: the whole structure over the version the editor started from (0: none saved yet). */
export const courseLessonsInputSchema = z.object({
  version: z.int().min(0),
  modules: z
    .array(moduleInputSchema)
    .max(maxModules)
    .refine((modules) => modules.reduce((sum, module) => sum + module.lessons.length, 0) <= maxLessons, `A course holds at most ${maxLessons} lessons`),
})
export type CourseLessonsInput = z.infer<typeof courseLessonsInputSchema>
