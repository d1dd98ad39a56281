import { blockText } from '../text.ts'
import type { EditorBlock } from './blocks.ts'
import { insertLink, toggleMarker, type Edit } from './transforms.ts'

type Format = 'bold' | 'italic' | 'link'

function apply(format: Format, edit: Edit): Edit {
  if (format === 'link') return insertLink(edit, blockText.helpLink)
  return toggleMarker(edit, format === 'bold' ? '**' : '*')
}

/** Formats the selection of a block's text box and puts the caret back where the editor expects it. */
function format(block: EditorBlock, kind: Format, onPatch: (patch: Partial<EditorBlock>) => void) {
  const area = document.getElementById(`${block.key}-text`) as HTMLTextAreaElement | null
  if (!area) return
  const next = apply(kind, { text: area.value, start: area.selectionStart, end: area.selectionEnd })
  onPatch({ text: next.text })
  requestAnimationFrame(() => {
    area.focus()
    area.setSelectionRange(next.start, next.end)
  })
}

const shortcuts: Record<string, Format> = { b: 'bold', i: 'italic', k: 'link' }

/** Ctrl/Cmd+B, +I, +K in a text box. */
export function onFormatKey(event: KeyboardEvent, block: EditorBlock, onPatch: (patch: Partial<EditorBlock>) => void) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
  const kind = shortcuts[event.key.toLowerCase()]
  if (!kind) return
  event.preventDefault()
  format(block, kind, onPatch)
}

export function BlockToolbar({ block, onPatch }: { block: EditorBlock; onPatch: (patch: Partial<EditorBlock>) => void }) {
  return (
    <div class="format-toolbar" role="toolbar" aria-label={blockText.formatting} aria-controls={`${block.key}-text`}>
      <button type="button" class="button-small" onClick={() => format(block, 'bold', onPatch)}>
        <strong>{blockText.bold}</strong>
      </button>
      <button type="button" class="button-small" onClick={() => format(block, 'italic', onPatch)}>
        <em>{blockText.italic}</em>
      </button>
      <button type="button" class="button-small" onClick={() => format(block, 'link', onPatch)}>
        {blockText.link}
      </button>
    </div>
  )
}

export function FormatHelp() {
  return (
    <details class="format-help">
      <summary>{blockText.helpSummary}</summary>
      <ul>
        <li>
          <code>**{blockText.helpBold}**</code> → <strong>{blockText.helpBold}</strong>
        </li>
        <li>
          <code>*{blockText.helpItalic}*</code> → <em>{blockText.helpItalic}</em>
        </li>
        <li>
          <code>[{blockText.helpLink}](https://www.example.no)</code> → <a href="https://www.example.no" tabIndex={-1}>{blockText.helpLink}</a>
        </li>
        <li>{blockText.listHint}</li>
        <li>{blockText.helpEscape}</li>
        <li>{blockText.helpKeys}</li>
      </ul>
    </details>
  )
}
