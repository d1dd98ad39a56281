import type { Media, MediaKind } from '../../api/types.ts'
import { getPath, type Fields } from '../../form/model.ts'
import type { FieldErrors } from '../../form/validate.ts'
import { labelFor } from '../../text.ts'

/** What every field group gets: the fields, their errors, a setter by path, and the media library. */
export interface FieldGroupProps {
  fields: Fields
  errors: FieldErrors
  set: (path: string, value: unknown) => void
  pickMedia: (kind: MediaKind, onPicked: (media: Media) => void) => void
}

/** The props a field needs for one path: id/label from the path, value, error, setter. */
export function bind(props: FieldGroupProps, path: string) {
  return {
    path,
    label: labelFor(path),
    value: getPath(props.fields, path),
    error: props.errors[path],
    onValue: (value: unknown) => props.set(path, value),
  }
}

/** Text areas that edit a list of strings one per line (blank lines are kept while typing, dropped on save). */
export const linesOf = (value: unknown) => (Array.isArray(value) ? value.join('\n') : '')
export const toLines = (text: string) => text.split('\n')
