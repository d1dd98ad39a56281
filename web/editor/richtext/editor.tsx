import { Editor, Extension } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { useEffect, useReducer, useRef, useState } from 'preact/hooks'
import type { RichText } from '../../../functions/content/richtext.ts'
import type { Media } from '../api/types.ts'
import { fieldId } from '../components/fields.tsx'
import type { BlockErrors } from '../form/validate.ts'
import { blockText, embedText, t } from '../text.ts'
import { BlockFields } from './block-fields.tsx'
import { EmbedDialog } from './embed-dialog.tsx'
import type { EmbedChoice } from './embeddable.ts'
import { LinkDialog, type LinkAnswer } from './link-dialog.tsx'
import { blockLabel, fromProseMirror, toProseMirror } from './prosemirror-doc.ts'
import { extensions } from './schema.ts'
import { Toolbar } from './toolbar.tsx'
import './richtext.css'

/**
 * The body editor (issue 17): visual editing with tiptap/ProseMirror, mounted here and kept outside Preact's
 * rendering, whose schema (schema.ts) holds only what the stored document can; every change is handed on as
 * that document (prosemirror-doc.ts), so saving, backups and conflicts see the same JSON as before. Undo
 * (Ctrl+Z, «Angre») takes back anything, a deleted block included, so nothing asks before deleting.
 */
export interface RichTextEditorProps {
  value: RichText
  onChange: (doc: RichText) => void
  /** Problems by block index in `value`, in bokmål. */
  errors: BlockErrors
  /** Opens the media library to pick an image; calls back with the chosen one. */
  pickImage: (onPicked: (media: Media) => void) => void
  /** What «Sett inn film eller podkast» offers (embeddable.ts); without it the button is not there (a lesson's text). */
  embeddable?: () => Promise<EmbedChoice[]>
  announce: (text: string) => void
}

/** The editable element: the error summary links here. */
export const editorId = 'body-editor'
const labelId = `${editorId}-label`
const helpId = `${editorId}-help`
const errorsId = `${editorId}-errors`

/** The editable element's name, role and descriptions, as ProseMirror renders them onto it. */
const attributes = (invalid: boolean) => ({
  id: editorId,
  role: 'textbox',
  'aria-multiline': 'true',
  'aria-labelledby': labelId,
  'aria-describedby': invalid ? `${errorsId} ${helpId}` : helpId,
  ...(invalid ? { 'aria-invalid': 'true' } : {}),
  class: 'richtext-area',
})

export function RichTextEditor(props: RichTextEditorProps) {
  const mount = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor>()
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const [link, setLink] = useState<{ href: string; askText: boolean }>()
  const [embedding, setEmbedding] = useState(false)
  const latest = useRef(props)
  latest.current = props
  /**
   * The documents this editor handed on (and the one it started from), by identity: the parent stores the very
   * object, so a value found here is the editor's own, perhaps from a render that lags a keystroke behind, and
   * must never be written back over what was typed since. Any other value is new (a restored backup, the stored
   * version after a conflict) and replaces the content.
   */
  const own = useRef(new WeakSet<RichText>([props.value]))
  const invalid = Object.keys(props.errors).length > 0

  const openLink = (editor: Editor) => {
    const href = String(editor.getAttributes('link').href ?? '')
    if (href) editor.commands.extendMarkRange('link')
    setLink({ href, askText: editor.state.selection.empty && !href })
  }

  useEffect(() => {
    const shortcuts = Extension.create({
      name: 'workspaceShortcuts',
      addKeyboardShortcuts: () => ({ 'Mod-k': ({ editor }) => (openLink(editor as Editor), true) }),
    })
    const instance = new Editor({
      element: mount.current!,
      injectCSS: false,
      extensions: [...extensions, shortcuts],
      content: toProseMirror(latest.current.value),
      editorProps: { attributes: attributes(false) },
      onUpdate: ({ editor }) => {
        const { doc } = fromProseMirror(editor.getJSON())
        own.current.add(doc)
        latest.current.onChange(doc)
      },
      onTransaction: rerender,
    })
    setEditor(instance)
    return () => instance.destroy()
  }, [])

  // A value from outside (a restored backup, the stored version after a conflict) replaces the content.
  useEffect(() => {
    if (!editor || own.current.has(props.value)) return
    own.current.add(props.value)
    if (JSON.stringify(props.value) !== JSON.stringify(fromProseMirror(editor.getJSON()).doc)) editor.commands.setContent(toProseMirror(props.value), { emitUpdate: false })
  }, [editor, props.value])

  useEffect(() => editor?.setOptions({ editorProps: { attributes: attributes(invalid) } }), [editor, invalid])

  const insertImage = () =>
    props.pickImage((media) => {
      if (!editor) return
      const at = editor.state.selection.from
      editor.chain().focus().insertContent({ type: 'image', attrs: { src: media.path, alt: media.alt ?? '', caption: null } }).run()
      // Select the new image, so its alt text (the file's saved one) is on screen to check and change.
      let found = -1
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'image' && node.attrs.src === media.path && pos >= at - 2 && found < 0) found = pos
        return found < 0
      })
      if (found >= 0) editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, found)))
      props.announce(blockText.imageInserted)
    })

  const onEmbedDone = (choice: EmbedChoice | undefined) => {
    setEmbedding(false)
    if (!editor) return
    if (!choice) return void editor.commands.focus()
    const { item, episode, facts } = choice.block
    editor.chain().focus().insertContent({ type: 'embed', attrs: { item, episode: episode ?? null, facts } }).run()
    props.announce(embedText.inserted(facts.title))
  }

  const onLinkDone = (answer: LinkAnswer | 'remove' | undefined) => {
    setLink(undefined)
    if (!editor) return
    const chain = editor.chain().focus()
    if (answer === 'remove') chain.extendMarkRange('link').unsetLink().run()
    else if (answer?.text) chain.insertContent({ type: 'text', text: answer.text, marks: [{ type: 'link', attrs: { href: answer.href } }] }).run()
    else if (answer) chain.extendMarkRange('link').setLink({ href: answer.href }).run()
    else chain.run()
  }

  const errors = Object.entries(props.errors)
  return (
    <div class={`richtext${invalid ? ' field-invalid' : ''}`} id={fieldId('body')}>
      <p class="richtext-label" id={labelId}>
        {t.body}
      </p>
      <p class="hint" id={helpId}>
        {blockText.hint}
      </p>
      {errors.length > 0 && (
        <ul class="field-error" id={errorsId}>
          {errors.map(([index, text]) => (
            <li>
              <strong class="error-prefix">{t.errorPrefix}</strong> {blockLabel(props.value, Number(index))}: {text}
            </li>
          ))}
        </ul>
      )}
      {editor && <Toolbar editor={editor} onLink={() => openLink(editor)} onImage={insertImage} onEmbed={props.embeddable && (() => setEmbedding(true))} />}
      <div ref={mount} class="richtext-mount" />
      {editor && <BlockFields editor={editor} />}
      <details class="format-help">
        <summary>{blockText.helpSummary}</summary>
        <ul>
          {blockText.help.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      </details>
      {link && <LinkDialog href={link.href} askText={link.askText} onDone={onLinkDone} />}
      {embedding && props.embeddable && <EmbedDialog load={props.embeddable} onDone={onEmbedDone} />}
    </div>
  )
}
