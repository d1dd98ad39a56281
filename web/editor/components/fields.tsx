import type { ComponentChildren } from 'preact'
import { isoToOsloLocal, osloLocalToIso } from '../form/time.ts'
import { t } from '../text.ts'

/**
 * Form controls with their label, help text and error wired together: the error is text (prefixed "Feil:",
 * never colour alone), sits between label and control, and is read out with the field through
 * aria-describedby. Ids come from the field path, so the error summary can link to the field.
 */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`

interface Common {
  path: string
  label: string
  hint?: ComponentChildren
  error?: string
  required?: boolean
}

function describedBy(id: string, hint: unknown, error: string | undefined) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

/** What every control carries: its id and name, and its error and help wired to it for screen readers. */
function controlProps(id: string, props: Common) {
  return {
    id,
    name: props.path,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
    'aria-required': props.required ? ('true' as const) : undefined,
  }
}

function Frame(props: Common & { id: string; children: ComponentChildren; class?: string }) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required"> (må fylles ut)</span> : null}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          <strong class="error-prefix">{t.errorPrefix}</strong> 
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  )
}

export function TextField(
  props: Common & {
    value: unknown
    onValue: (value: string) => void
    type?: 'text' | 'url' | 'email' | 'search'
    inputMode?: 'numeric' | 'text' | 'url' | 'email'
    autoComplete?: string
    class?: string
    onBlur?: () => void
  },
) {
  const id = fieldId(props.path)
  return (
    <Frame {...props} id={id}>
      <input
        {...controlProps(id, props)}
        type={(props.type ?? 'text') as 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        value={props.value === undefined || props.value === null ? '' : String(props.value)}
        onInput={(event) => props.onValue((event.currentTarget as HTMLInputElement).value)}
        onBlur={props.onBlur}
      />
    </Frame>
  )
}

export function TextArea(props: Common & { value: unknown; onValue: (value: string) => void; rows?: number; class?: string }) {
  const id = fieldId(props.path)
  return (
    <Frame {...props} id={id}>
      <textarea
        {...controlProps(id, props)}
        rows={props.rows ?? 3}
        value={typeof props.value === 'string' ? props.value : ''}
        onInput={(event) => props.onValue((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </Frame>
  )
}

export function SelectField(
  props: Common & { value: string; onValue: (value: string) => void; options: Array<{ value: string; label: string }>; class?: string },
) {
  const id = fieldId(props.path)
  return (
    <Frame {...props} id={id}>
      <select
        {...controlProps(id, props)}
        value={props.value}
        onChange={(event) => props.onValue((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((option) => (
          <option value={option.value}>{option.label}</option>
        ))}
      </select>
    </Frame>
  )
}

/** A date and time in Norwegian time; the value in and out is an ISO instant with offset ('' when empty). */
export function DateTimeField(props: Common & { value: unknown; onValue: (iso: string) => void; class?: string }) {
  const id = fieldId(props.path)
  return (
    <Frame {...props} id={id}>
      <input
        {...controlProps(id, props)}
        type="datetime-local"
        value={isoToOsloLocal(typeof props.value === 'string' ? props.value : undefined)}
        onInput={(event) => props.onValue(osloLocalToIso((event.currentTarget as HTMLInputElement).value) ?? '')}
      />
    </Frame>
  )
}

export function Checkbox(props: { path: string; label: string; hint?: string; checked: boolean; onValue: (checked: boolean) => void }) {
  const id = fieldId(props.path)
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onValue((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  )
}

/** A group of checkboxes for a list of values (audiences, topics). */
export function CheckboxGroup(
  props: Common & { values: string[]; options: Array<{ value: string; label: string }>; onValue: (values: string[]) => void },
) {
  const id = fieldId(props.path)
  const toggle = (value: string, on: boolean) =>
    props.onValue(on ? [...props.values, value] : props.values.filter((candidate) => candidate !== value))
  return (
    <fieldset id={id} class={`field checkbox-group${props.error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>{props.label}</legend>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          <strong class="error-prefix">{t.errorPrefix}</strong> 
          {props.error}
        </p>
      )}
      <div class="checkbox-options">
        {props.options.map((option) => (
          <div class="field-check">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={props.values.includes(option.value)}
              onChange={(event) => toggle(option.value, (event.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/** A list filter: "Alle" first, then the options; changes are reported at once (the form decides when to apply). */
export function FilterSelect(props: { id: string; label: string; value: string | undefined; options: Array<{ value: string; label: string }>; onValue: (value: string | undefined) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(event) => props.onValue((event.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">{t.all}</option>
        {props.options.map((option) => (
          <option value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  )
}
