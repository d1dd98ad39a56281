import { contentInputSchema, type ContentInput } from '../../../functions/content/schema.ts'
import { publishProblems } from '../../../functions/content/rules.ts'
import type { ContentFields } from '../../../functions/content/schema.ts'
import { blocksToDoc } from '../richtext/blocks.ts'
import { blockProblemText, issueText, publishProblemText, type IssueLike } from '../text.ts'
import { getPath, toInput, type FormState } from './model.ts'

/** Errors by field path (`title`, `video.durationSeconds`, `episodes.0.title`), ready to show beside each field. */
export type FieldErrors = Record<string, string>

/** Errors in the body, by editor block key and the part of the block they concern. */
export type BlockErrors = Record<string, Partial<Record<'text' | 'alt' | 'src' | 'cite' | 'caption', string>>>

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
  const converted = blocksToDoc(form.blocks)
  const fields: FieldErrors = {}
  const blocks: BlockErrors = {}
  for (const problem of converted.problems) (blocks[problem.key] ??= {})[problem.field] = blockProblemText[problem.code]

  const result = contentInputSchema.safeParse(raw)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [first, second, index, ...rest] = issue.path
      if (first === 'body' && second === 'content' && typeof index === 'number') {
        const key = converted.keys[index]
        const part = rest.includes('alt') ? 'alt' : rest.includes('cite') ? 'cite' : rest.includes('caption') ? 'caption' : 'text'
        if (key) (blocks[key] ??= {})[part] ??= issueText(issue as IssueLike, undefined)
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
