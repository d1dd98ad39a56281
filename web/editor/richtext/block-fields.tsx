import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { TextField } from '../components/fields.tsx'
import { blockProblemText, blockText, t } from '../text.ts'

/** The block the editor's attributes belong to: the selected image, or the quote the caret is in. */
function current(editor: Editor): { pos: number; kind: 'image' | 'quote'; attrs: Record<string, unknown> } | undefined {
  const { selection } = editor.state
  if (selection instanceof NodeSelection && selection.node.type.name === 'image') return { pos: selection.from, kind: 'image', attrs: selection.node.attrs }
  const { $from } = selection
  if ($from.parent.type.name === 'quote') return { pos: $from.before(), kind: 'quote', attrs: $from.parent.attrs }
  return undefined
}

/**
 * What is not text in a block, edited in ordinary fields under the editor: an image's alt text and caption,
 * a quote's source. They follow the selection (arrow onto an image, or put the caret in a quote); a change is
 * one step in the editor's history, so Ctrl+Z undoes it too.
 */
export function BlockFields({ editor }: { editor: Editor }) {
  const block = current(editor)
  if (!block) return null
  const set = (name: string) => (value: string) => {
    const node = editor.state.doc.nodeAt(block.pos)
    if (!node) return
    const tr = editor.state.tr.setNodeMarkup(block.pos, undefined, { ...node.attrs, [name]: value })
    // The image stays selected, so its fields stay on screen while they are typed in.
    if (block.kind === 'image') tr.setSelection(NodeSelection.create(tr.doc, block.pos))
    editor.view.dispatch(tr)
  }
  const text = (name: string) => String(block.attrs[name] ?? '')
  return block.kind === 'image' ? (
    <fieldset class="richtext-fields">
      <legend>{blockText.imageFields}</legend>
      <TextField
        path="body-image.alt"
        label={t.altText}
        hint={t.altTextHint}
        value={text('alt')}
        error={text('alt').trim() ? undefined : blockProblemText['alt-missing']}
        onValue={set('alt')}
        required
      />
      <TextField path="body-image.caption" label={blockText.caption} value={text('caption')} onValue={set('caption')} />
    </fieldset>
  ) : (
    <fieldset class="richtext-fields">
      <legend>{blockText.quoteFields}</legend>
      <TextField path="body-quote.cite" label={blockText.cite} value={text('cite')} onValue={set('cite')} />
    </fieldset>
  )
}
