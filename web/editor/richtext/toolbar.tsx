import type { Editor } from '@tiptap/core'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { blockKindText, blockText, embedText } from '../text.ts'
import type { BlockKind } from './prosemirror-doc.ts'

/**
 * The body editor's toolbar: one Tab stop, arrow keys (and Home, End) between its buttons, as the APG's toolbar
 * pattern has it, so the form does not gain twelve Tab stops. Toggles say whether they are on with aria-pressed;
 * each button names its shortcut with aria-keyshortcuts. A button that cannot act now is aria-disabled, not
 * disabled, so it keeps its place in the arrow-key order and screen readers still find it.
 */
interface Tool {
  label: string
  keys?: string
  pressed?: boolean
  disabled?: boolean
  run: () => void
  /** Shown in place of the label (what the button does, drawn): the label stays the accessible name. */
  face?: ComponentChildren
}

const kindKeys: Partial<Record<BlockKind, string>> = {
  paragraph: 'Control+Alt+0',
  h2: 'Control+Alt+2',
  h3: 'Control+Alt+3',
  h4: 'Control+Alt+4',
  bullets: 'Control+Shift+8',
  numbered: 'Control+Shift+7',
  quote: 'Control+Shift+B',
}

function blockTools(editor: Editor): Tool[] {
  const inList = editor.isActive('bulletList') || editor.isActive('orderedList')
  // A list item holds one paragraph: a heading, quote or paragraph of its own is made out of the list first.
  const block = () => (inList ? editor.chain().focus().liftListItem('listItem') : editor.chain().focus())
  const level = (n: 2 | 3 | 4): Tool => ({ label: blockKindText[`h${n}`], keys: kindKeys[`h${n}`], pressed: editor.isActive('heading', { level: n }), run: () => block().setHeading({ level: n }).run() })
  return [
    { label: blockKindText.paragraph, keys: kindKeys.paragraph, pressed: editor.isActive('paragraph') && !inList, run: () => block().setParagraph().run() },
    level(2),
    level(3),
    level(4),
    { label: blockKindText.bullets, keys: kindKeys.bullets, pressed: editor.isActive('bulletList'), run: () => editor.chain().focus().toggleBulletList().run() },
    { label: blockKindText.numbered, keys: kindKeys.numbered, pressed: editor.isActive('orderedList'), run: () => editor.chain().focus().toggleOrderedList().run() },
    { label: blockKindText.quote, keys: kindKeys.quote, pressed: editor.isActive('quote'), run: () => block().toggleNode('quote', 'paragraph').run() },
  ]
}

export function Toolbar({ editor, onLink, onImage, onEmbed }: { editor: Editor; onLink: () => void; onImage: () => void; onEmbed?: () => void }) {
  const chain = () => editor.chain().focus()
  const tools: Tool[] = [
    ...blockTools(editor),
    { label: blockText.bold, keys: 'Control+B', pressed: editor.isActive('bold'), disabled: editor.isActive('link'), run: () => chain().toggleBold().run(), face: <strong>{blockText.bold}</strong> },
    { label: blockText.italic, keys: 'Control+I', pressed: editor.isActive('italic'), disabled: editor.isActive('link'), run: () => chain().toggleItalic().run(), face: <em>{blockText.italic}</em> },
    { label: blockText.link, keys: 'Control+K', pressed: editor.isActive('link'), run: onLink },
    { label: blockText.image, run: onImage },
    ...(onEmbed ? [{ label: embedText.button, run: onEmbed }] : []),
    { label: blockText.undo, keys: 'Control+Z', disabled: !editor.can().undo(), run: () => chain().undo().run() },
    { label: blockText.redo, keys: 'Control+Y', disabled: !editor.can().redo(), run: () => chain().redo().run() },
  ]

  /** Arrow keys move focus between the buttons; the last one focused is the toolbar's Tab stop. */
  const [current, setCurrent] = useState(0)
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')]
    const index = buttons.indexOf(event.target as HTMLButtonElement)
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key]
    if (next === undefined || index < 0) return
    event.preventDefault()
    buttons[(next + buttons.length) % buttons.length]!.focus()
  }

  return (
    <div class="richtext-toolbar" role="toolbar" aria-label={blockText.toolbar} aria-controls="body-editor" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <button
          type="button"
          class="button-small"
          tabIndex={index === current ? 0 : -1}
          onFocus={() => setCurrent(index)}
          aria-pressed={tool.pressed === undefined ? undefined : tool.pressed ? 'true' : 'false'}
          aria-disabled={tool.disabled ? 'true' : undefined}
          aria-keyshortcuts={tool.keys}
          // The editor keeps its selection while a toolbar button is clicked.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => !tool.disabled && tool.run()}
        >
          {tool.face ?? tool.label}
        </button>
      ))}
    </div>
  )
}
