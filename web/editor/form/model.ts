import { emptyDoc, type RichText } from '../../../functions/content/richtext.ts'
import { contentInputSchema, type ContentInput, type ContentType } from '../../../functions/content/schema.ts'
import type { StoredItem } from '../api/types.ts'

/**
 * The item editor's working state: the fields as typed (strings where a number is being typed, empty
 * strings for optional fields left blank) and the body as the stored document, which the visual editor
 * (richtext/editor.tsx) hands on at every change. `toInput` turns it into the
 * `ContentInput` the API takes; the server's own zod schema then says whether it is valid.
 */
export type Fields = Record<string, unknown>

export interface FormState {
  fields: Fields
  body: RichText
}

const common = { slug: '', title: '', summary: '', topics: [], audiences: [], sharedNationally: false }

const perType: Record<ContentType, Fields> = {
  'e-kurs': { durationMinutes: '', learningGoals: [], courseUrl: '', provider: '', hasExam: false },
  film: { video: { durationSeconds: '' } },
  podkast: { category: '', language: 'nb', explicit: false, owner: { name: '', email: '' }, episodes: [] },
  artikler: { author: '' },
  arrangementer: { startsAt: '', endsAt: '', location: { name: '', address: '' }, onlineUrl: '', organiser: '', registrationUrl: '' },
}

export function blankForm(type: ContentType): FormState {
  return { fields: { type, ...common, ...structuredClone(perType[type]) }, body: emptyDoc() }
}

/** The editable part of a stored item (or of a revision, or of the current item in a conflict). */
export function formFromItem(item: StoredItem): FormState {
  const parsed = contentInputSchema.safeParse(item)
  const { body, ...fields } = (parsed.success ? parsed.data : item) as ContentInput
  const blank = blankForm(fields.type).fields
  return { fields: { ...blank, ...fields }, body }
}

/** Optional objects that are left out as a whole when every field in them is blank. */
const optionalObjects = new Set(['location', 'image', 'poster', 'shareImage'])

/** Trims text and leaves out what was left blank, so "optional" means absent, as the schema wants it. */
function clean(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? undefined : trimmed
  }
  if (Array.isArray(value)) return value.map((entry) => clean(entry)).filter((entry) => entry !== undefined)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([name, inner]) => {
      const cleaned = clean(inner, name)
      return cleaned === undefined ? [] : [[name, cleaned] as const]
    })
    if (entries.length === 0 && optionalObjects.has(key)) return undefined
    return Object.fromEntries(entries)
  }
  return value
}

/** What would be sent: not yet validated (see validate.ts). */
export function toInput(form: FormState): Record<string, unknown> {
  return { ...(clean(form.fields) as Record<string, unknown>), body: form.body }
}

/** A stable fingerprint of what the form would save, to tell whether anything changed since the last save. */
export const fingerprint = (form: FormState) => JSON.stringify(toInput(form))

/** A number while it reads as one, otherwise the text as typed (the schema then explains what is wrong). */
export const numberish = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text)

export function getPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source)
}

/** A copy of `source` with the value at a dotted path (e.g. `video.durationSeconds`, `episodes.2.title`) replaced. */
export function setPath<T>(source: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.')
  const container: Record<string, unknown> | unknown[] = Array.isArray(source) ? [...source] : { ...(source as Record<string, unknown>) }
  const current = (container as Record<string, unknown>)[head!]
  ;(container as Record<string, unknown>)[head!] = rest.length ? setPath(current ?? (/^\d+$/.test(rest[0]!) ? [] : {}), rest.join('.'), value) : value
  return container as T
}
