import * as z from 'zod'
import { podcastCategories } from '../podcasts/categories.ts'
import { imageSchema, mediaPathSchema } from './picture-schema.ts'
import { scormFactsSchema } from '../media/scorm-schema.ts'
import { richTextSchema } from './richtext.ts'
import { containsTag, foldedLineText, lineText, paragraphText, textOnly } from './text.ts'
import { audiences, contentTypes, eventKinds, eventStatuses, maxSlugLength, registrationModes, reservedSlugs, slugPattern, statuses, type ContentType } from './vocabulary.ts'

export { focalPointSchema, imageSchema, imageVariantsSchema, mediaPathSchema, type FocalPoint, type ImageVariants } from './picture-schema.ts'
export { audiences, contentTypes, statuses, type Audience, type ContentType, type Status } from './vocabulary.ts'

export const contentTypeSchema = z.enum(contentTypes)
export const audienceSchema = z.enum(audiences)
export const statusSchema = z.enum(statuses)

export const slugSchema = z
  .string()
  .min(1)
  .max(maxSlugLength)
  .regex(slugPattern, 'Use lower-case letters a–z, digits and single hyphens')
  .refine((slug) => !reservedSlugs.includes(slug), 'This address is used by the site itself (search, newsletter); choose another')
export const tenantIdSchema = slugSchema.max(40)
export const itemIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Item ids are 26-character ULIDs')

/** An ISO 8601 time with an explicit offset, e.g. 2026-12-01T09:00:00+01:00. */
export const instantSchema = z.iso.datetime({ offset: true })
const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000).superRefine(textOnly())

/**
 * Plain-text fields are text, not markup: a tag in a title is almost always a paste from somewhere else or
 * an attack, and the reader would see it literally. Formatting belongs in the rich-text body.
 */
const noTags = { check: (text: string) => !containsTag(text), message: 'HTML tags are not allowed here; write plain text' }
const plainText = (max: number) => lineText(max, { min: 1, trim: true }).refine(noTags.check, noTags.message)
/** The summary is written in a text area: its line breaks fold into spaces. */
const plainSummary = (max: number) => foldedLineText(max, { min: 1 }).refine(noTags.check, noTags.message)

const common = {
  id: itemIdSchema,
  tenant: tenantIdSchema,
  slug: slugSchema,
  title: plainText(200),
  summary: plainSummary(400),
  body: richTextSchema,
  topics: z.array(slugSchema).max(10),
  audiences: z.array(audienceSchema).max(audiences.length),
  image: imageSchema.optional(),
  sharedNationally: z.boolean(),
  /**
   * How a shared link and a search result describe the item (issue 17); the summary when absent. Search engines
   * show about 160 characters, which the workspace warns above; 300 leaves room for a sentence that runs over.
   */
  metaDescription: plainSummary(300).optional(),
  /**
   * The picture a shared link shows, when it should not be the main image (which is used when absent): the same
   * shape, and the same checks at save time (own edition's ready image with alt text: media/usage.ts, facts.ts).
   */
  shareImage: imageSchema.optional(),
}

export const courseFields = z.object({
  type: z.literal('e-kurs'),
  ...common,
  durationMinutes: z.int().min(1).max(6000),
  learningGoals: z.array(lineText(300, { min: 1 })).max(20),
  /**
   * Taken elsewhere at `courseUrl`, built here from modules and lessons (functions/courses/), or a SCORM package
   * played here (`scorm`). Absent on courses saved before lessons existed: they are external. Publishing checks
   * that the chosen one is complete.
   */
  delivery: z.enum(['external', 'built', 'scorm']).optional(),
  courseUrl: httpsUrl.optional(),
  /**
   * A SCORM course's package: an upload of kind `scorm` from the edition's library. Its version, launch page,
   * title and mastery score are copied from the media record at every save (media/facts.ts), whatever the form
   * sent, so the reader's page needs no other read. `validityMonths`: how long its kursbevis is valid.
   */
  scorm: scormFactsSchema
    .partial()
    .extend({ src: mediaPathSchema, validityMonths: z.int().min(1).max(120).optional() })
    .optional(),
  provider: lineText(200, { min: 1 }),
  hasExam: z.boolean(),
  /** When the authors last checked the content (YYYY-MM-DD), shown to readers. */
  revisedOn: z.iso.date().optional(),
})

export const filmFields = z.object({
  type: z.literal('film'),
  ...common,
  video: z.object({
    src: mediaPathSchema.optional(),
    externalUrl: httpsUrl.optional(),
    poster: imageSchema.optional(),
    captions: mediaPathSchema.optional(),
    audioDescribedSrc: mediaPathSchema.optional(),
    audioDescriptionExemptReason: paragraphText(1000).optional(),
    durationSeconds: z.int().min(1).max(36000),
  }),
})

export const episodeSchema = z.object({
  /** The RSS guid: set once, never changed. */
  guid: lineText(200, { min: 1 }),
  slug: slugSchema,
  title: plainText(200),
  /** Show notes: paragraphs are welcome, markup is not. */
  summary: paragraphText(4000, { min: 1, trim: true }).refine(noTags.check, noTags.message),
  publishedAt: instantSchema,
  season: z.int().min(1).max(100).optional(),
  episode: z.int().min(1).max(10000).optional(),
  audio: z.object({
    src: mediaPathSchema,
    bytes: z.int().min(1),
    mimeType: z.enum(['audio/mpeg', 'audio/x-m4a', 'audio/mp4']),
    durationSeconds: z.int().min(1),
  }),
  transcript: mediaPathSchema.optional(),
})

export const podcastFields = z.object({
  type: z.literal('podkast'),
  ...common,
  category: z.enum(podcastCategories, { message: "Choose one of Apple Podcasts' categories" }),
  language: z.enum(['no', 'nb', 'nn']),
  explicit: z.boolean(),
  owner: z.object({ name: lineText(200, { min: 1 }), email: z.email() }),
  /** The series' pages in podcast directories, once it is listed there. */
  subscribeLinks: z.object({ apple: httpsUrl.optional(), spotify: httpsUrl.optional() }).optional(),
  episodes: z.array(episodeSchema).max(500),
})

export const articleFields = z.object({
  type: z.literal('artikler'),
  ...common,
  author: lineText(200).optional(),
})

export const eventFields = z.object({
  type: z.literal('arrangementer'),
  ...common,
  /** Absent on events saved before kinds existed; readers then see no kind. */
  kind: z.enum(eventKinds).optional(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  location: z.object({ name: lineText(200, { min: 1 }), address: lineText(300).optional() }).optional(),
  onlineUrl: httpsUrl.optional(),
  /** The online link only in registered participants' e-mails, never on the public page (issue 13). */
  onlineUrlForParticipants: z.boolean().optional(),
  organiser: lineText(200, { min: 1 }),
  /** Further organisers beside the first (hospitals, municipalities, schools arranging it together). */
  coOrganisers: z.array(lineText(200, { min: 1 })).max(10).optional(),
  /** Absent on events saved before it existed: `external` with a `registrationUrl`, otherwise `none`. */
  registration: z.enum(registrationModes).optional(),
  registrationUrl: httpsUrl.optional(),
  /** Seats for built-in registration; absent means no limit. */
  capacity: z.int().min(1).max(100_000).optional(),
  /** Sign-ups beyond `capacity` wait for a seat instead of being turned away. */
  waitingList: z.boolean().optional(),
  /** When sign-up closes; absent means when the event starts. */
  registrationDeadline: instantSchema.optional(),
  /** Price in whole kroner; absent or 0 is free, as most are. */
  priceNok: z.int().min(0).max(100_000).optional(),
  /** Days participants' personal data is kept after the event ends (DynamoDB TTL); `defaultRetentionDays` when absent. */
  retentionDays: z.int().min(1).max(365).optional(),
  /** Absent means scheduled; cancelled and postponed events keep their page and their place in calendars. */
  eventStatus: z.enum(eventStatuses).optional(),
  /** A recording of the event (a film here or elsewhere), linked from its page once it is over. */
  recordingUrl: httpsUrl.optional(),
  /**
   * The partner whose calendar feed this event came from (functions/events/partner-feeds*.ts): shown as its source,
   * never set by the form (the importer writes it; a save keeps it as it is).
   */
  importedFrom: z
    .object({
      feedId: itemIdSchema,
      partner: lineText(200, { min: 1 }),
      /** The event's own page at the partner, when their feed names one. */
      sourceUrl: httpsUrl.optional(),
      /** When the event left the partner's feed: flagged ("Fjernet fra kilden") for an editor, never deleted. */
      removedAt: instantSchema.optional(),
    })
    .optional(),
})

/**
 * What one event field cannot say alone: an end before the start, a deadline after the end, an external sign-up
 * without its link. The issues carry a stable `code` (params) for the workspace to word in bokmål.
 */
function checkEvent(input: { type: string }, context: z.RefinementCtx) {
  if (input.type !== 'arrangementer') return
  const event = input as Partial<z.infer<typeof eventFields>>
  const issue = (path: string, code: string, message: string) => context.addIssue({ code: 'custom', path: [path], message, params: { code } })
  const time = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN)
  if (time(event.endsAt) < time(event.startsAt)) issue('endsAt', 'event_ends_before_start', 'The event must end after it starts')
  if (time(event.registrationDeadline) > time(event.endsAt)) issue('registrationDeadline', 'event_deadline_after_end', 'Registration must close before the event ends')
  if (event.registration === 'external' && !event.registrationUrl) issue('registrationUrl', 'event_registration_url_missing', 'External registration needs its link')
}

/** The fields an editor owns, per type. */
export const contentFieldsSchema = z.discriminatedUnion('type', [
  courseFields,
  filmFields,
  podcastFields,
  articleFields,
  eventFields,
])
export type ContentFields = z.infer<typeof contentFieldsSchema>

/** What an editor sends: the fields without the id and tenant, which the server owns. */
export const contentInputSchema = z.discriminatedUnion('type', [
  courseFields.omit({ id: true, tenant: true }),
  filmFields.omit({ id: true, tenant: true }),
  podcastFields.omit({ id: true, tenant: true }),
  articleFields.omit({ id: true, tenant: true }),
  eventFields.omit({ id: true, tenant: true }),
]).superRefine(checkEvent)
export type ContentInput = z.infer<typeof contentInputSchema>
export type ContentOf<T extends ContentType> = Extract<ContentFields, { type: T }>

/** What readers see: the fields as they were when published. */
export type PublishedItem = ContentFields & { publishedAt: string; updatedAt: string }

/** A listing entry: enough of an item to show it in a list without reading the item. */
export const cardSchema = z.object({
  id: itemIdSchema,
  tenant: tenantIdSchema,
  type: contentTypeSchema,
  slug: slugSchema,
  title: z.string(),
  summary: z.string(),
  image: imageSchema.optional(),
  topics: z.array(slugSchema),
  audiences: z.array(audienceSchema),
  sharedNationally: z.boolean(),
  publishedAt: instantSchema,
  /** When the version readers see was published (a republished edit moves it; publishedAt stays): Atom's `updated`. Absent on cards written before it existed. */
  updatedAt: instantSchema.optional(),
  startsAt: instantSchema.optional(),
  endsAt: instantSchema.optional(),
  durationMinutes: z.int().optional(),
  durationSeconds: z.int().optional(),
  episodeCount: z.int().optional(),
  /** Chosen by the edition's editors; featured cards come first in the edition's feed. */
  featured: z.boolean().optional(),
})
export type ContentCard = z.infer<typeof cardSchema>

/** Built in card.ts (zod-free, for the public API's bundle); exported here for the rest of the code. */
export { toCard } from './card.ts'

/** Path of an item's canonical page; built in paths.ts (zod-free, for the site bundle), kept here for the workspace. */
export { itemPath } from './paths.ts'
