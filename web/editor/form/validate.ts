import { contentInputSchema, type ContentInput } from '../../../functions/content/schema.ts'
import { publishProblems } from '../../../functions/content/rules.ts'
import type { ContentFields } from '../../../functions/content/schema.ts'
import { bodyProblems } from '../richtext/prosemirror-doc.ts'
import { blockProblemText, issueText, publishProblemText, type IssueLike } from '../text.ts'
import { getPath, toInput, type FormState } from './model.ts'

/** Errors by field path (`title`, `video.durationSeconds`, `episodes.0.title`), ready to show beside each field. */
export type FieldErrors = Record<string, string>

/** Errors in the body, by the index of the block they concern. */
export type BlockErrors = Record<number, string>

export interface Validation {
  input?: ContentInput
  fields: FieldErrors
  blocks: BlockErrors
}

/**
 * Checks the form with the same schema the server uses (plus the rich-text rules the editor adds: every
 * image has a file and alt text) and words each problem in bokmål next to the field it belongs to.
 */
export function validateForm(form: FormState): Validation {
  const raw = toInput(form)
  const fields: FieldErrors = {}
  const blocks: BlockErrors = {}
  for (const problem of bodyProblems(form.body)) blocks[problem.index] = blockProblemText[problem.code]

  const result = contentInputSchema.safeParse(raw)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [first, second, index] = issue.path
      if (first === 'body' && second === 'content' && typeof index === 'number') {
        blocks[index] ??= issueText(issue as IssueLike, undefined)
        continue
      }
      const path = issue.path.map(String).join('.')
      fields[path] ??= issueText(issue as IssueLike, getPath(raw, path))
    }
  }
  const valid = result.success && Object.keys(blocks).length === 0
  return { input: valid ? result.data : undefined, fields, blocks }
}

/** What would stop a publish (alt text, captions, transcripts …), checked before the editor presses the button. */
export function publishBlockers(input: ContentInput): Array<{ field: string; text: string }> {
  return publishProblems({ ...input, id: '', tenant: '' } as ContentFields).map((problem) => ({ field: problem.field, text: publishProblemText[problem.code] }))
}
