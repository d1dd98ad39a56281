/**
 * The words content is described with, as plain values: schema.ts builds its zod schemas from these, and the
 * reader site checks URLs against them without loading zod (its Lambda bundle stays small).
 */

/** Content types, named by their Norwegian URL segment: `/{tenant}/{type}/{slug}`. */
export const contentTypes = ['e-kurs', 'film', 'podkast', 'artikler', 'arrangementer'] as const
export type ContentType = (typeof contentTypes)[number]

/** Who an item is for; readers filter listings by it. */
export const audiences = ['kommune', 'sykehus', 'student', 'fastlege'] as const
export type Audience = (typeof audiences)[number]

/** What kind of meeting place an event is (issue 13); worded for readers in web/site/text.ts. */
export const eventKinds = ['kurs', 'konferanse', 'webinar', 'nettverksmote', 'hospitering'] as const
export type EventKind = (typeof eventKinds)[number]

/**
 * Whether an event goes ahead as planned (issue 13): schema.org's eventStatus and the calendar's STATUS follow it.
 * A cancelled event stays listed, so calendars that subscribed see it cancelled rather than silently gone.
 */
export const eventStatuses = ['scheduled', 'cancelled', 'postponed'] as const
export type EventStatus = (typeof eventStatuses)[number]

/**
 * How readers sign up for an event: not at all, at another site's `registrationUrl`, or here, on the event's own
 * sign-up page (functions/events/).
 */
export const registrationModes = ['none', 'external', 'built-in'] as const
export type RegistrationMode = (typeof registrationModes)[number]

/** Days a sign-up's personal data is kept after the event ends, unless the editor sets otherwise. */
export const defaultRetentionDays = 30

export const statuses = ['draft', 'scheduled', 'published', 'unpublished', 'archived'] as const
export type Status = (typeof statuses)[number]

/** Lower-case a–z, digits and single hyphens: what slugs and tenant ids are made of. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const maxSlugLength = 80
/**
 * Slugs the site's own pages use one level below an edition or a type: CloudFront sends any path ending in `/sok` to the
 * search function (infra/definitions.ts searchPathPatterns: its `*` crosses `/`), and any ending in `/nyhetsbrev` to the
 * events function (the newsletter's sign-up, issue 14; eventsPathPatterns), so an item, topic or edition by either name
 * would be unreachable.
 */
export const reservedSlugs: readonly string[] = ['sok', 'nyhetsbrev']

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value)

export const isContentType = isOneOf(contentTypes)
export const isAudience = isOneOf(audiences)
export const isSlug = (value: string) => value.length <= maxSlugLength && slugPattern.test(value)
