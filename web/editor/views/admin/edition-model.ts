import { contrastRatio } from '../../../../functions/tenants/colour.ts'
import { tenantSchema, type Tenant } from '../../../../functions/tenants/schema.ts'
import type { ErrorCode } from '../../../../functions/shared/error-codes.ts'
import { errorCodeText, issueText } from '../../text.ts'
import { adminText as t } from './admin-text.ts'

/** The edition form as typed: organisations as lines, so an empty line is not yet an error. */
export interface EditionDraft {
  id: string
  name: string
  regionName: string
  description: string
  colour: string
  organisations: string
  contactEmail: string
  national: boolean
  /** Readers see it (issue 17). A new edition starts hidden; an existing one changes through its own action, not the save. */
  visible: boolean
}
export type EditionField = keyof EditionDraft

export const blankEdition: EditionDraft = { id: '', name: '', regionName: '', description: '', colour: '#1f5f8b', organisations: '', contactEmail: '', national: false, visible: false }

export const draftOf = ({ hidden, ...edition }: Tenant): EditionDraft => ({ ...edition, organisations: edition.organisations.join('\n'), visible: !hidden })

export function inputOf({ visible, ...draft }: EditionDraft): Tenant {
  return { ...draft, id: draft.id.trim(), contactEmail: draft.contactEmail.trim(), organisations: draft.organisations.split('\n').map((line) => line.trim()).filter(Boolean), hidden: !visible }
}

/**
 * The brand colour's contrast against white as the editor types: the same rule the server checks
 * (functions/tenants/schema.ts, WCAG AA 4.5:1), from the same function, so the two never disagree.
 */
export function colourContrast(colour: string): { ratio?: number; ok: boolean; text: string } {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return { ok: false, text: t.colourInvalid }
  const ratio = contrastRatio(colour, '#ffffff')
  const ok = ratio >= 4.5
  return { ratio, ok, text: `${t.contrast(ratio.toLocaleString('nb-NO', { maximumFractionDigits: 1, minimumFractionDigits: 1 }))} ${ok ? t.contrastOk : t.contrastLow}` }
}

/** The server's own schema, read in bokmål at each field: what is wrong before anything is sent. */
export function editionErrors(draft: EditionDraft): Partial<Record<EditionField, string>> {
  const result = tenantSchema.safeParse(inputOf(draft))
  if (result.success) return {}
  const errors: Partial<Record<EditionField, string>> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0]) as EditionField
    if (errors[field]) continue
    const code = (issue as { params?: { code?: ErrorCode } }).params?.code
    errors[field] = code ? errorCodeText[code] : field === 'id' && issue.code !== 'too_small' ? t.idInvalid : field === 'colour' ? t.colourInvalid : issueText(issue, (draft as unknown as Record<string, unknown>)[field])
  }
  return errors
}

/** A refusal's code, at the field it concerns; undefined when it concerns no one field (shown above the form). */
export function fieldOfCode(code: ErrorCode | undefined): EditionField | undefined {
  if (code === 'colour_too_light') return 'colour'
  if (code === 'reserved_id' || code === 'tenant_exists') return 'id'
  return undefined
}
