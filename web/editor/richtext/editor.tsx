import { useRef } from 'preact/hooks'
import type { Media } from '../api/types.ts'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { fieldId } from '../components/fields.tsx'
import type { BlockErrors } from '../form/validate.ts'
import { blockKindText, blockText, t } from '../text.ts'
import { blockKinds, emptyBlock, insertBlockAfter, moveBlock, type BlockKind, type EditorBlock } from './blocks.ts'
import { BlockToolbar, FormatHelp, onFormatKey } from './block-parts.tsx'

/**
 * The body editor: a list of blocks, each with its type, a text box in the small markup of markup.ts, and
 * buttons to move or remove it. Everything works from the keyboard (Ctrl+B, Ctrl+I, Ctrl+K in a text box);
 * no contenteditable, so what is typed is exactly what is stored.
 */
export interface RichTextEditorProps {
  blocks: EditorBlock[]
  /** Takes an updater, so a change that completes later (an image picked) applies to the blocks as they are then. */
  onChange: (change: (blocks: EditorBlock[]) => EditorBlock[]) => void
  errors: BlockErrors
  /** Opens the media library to pick an image; calls back with the chosen one. */
  pickImage: (onPicked: (media: Media) => void) => void
  announce: (text: string) => void
}

export function RichTextEditor(props: RichTextEditorProps) {
  const { blocks, onChange } = props
  const addKind = useRef<HTMLSelectElement>(null)
  const update = (key: string, patch: Partial<EditorBlock>) => onChange((current) => current.map((block) => (block.key === key ? { ...block, ...patch } : block)))
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

  const move = (key: string, offset: -1 | 1) => {
    const next = moveBlock(blocks, key, offset)
    onChange((current) => moveBlock(current, key, offset))
    const index = next.findIndex((block) => block.key === key)
    props.announce(blockText.moved(index + 1))
    // Focus stays on the button pressed, or on its twin when the block reached the top or the bottom.
    const stay = offset === -1 ? index > 0 : index < next.length - 1
    focusLater(`${key}-${(offset === -1) === stay ? 'up' : 'down'}`)
  }
  const confirmation = useConfirm()
  /** «Slett blokk» asks first when the block holds anything (ATAG A.4.1.1); "Avbryt" gives focus back to it. */
  const remove = async (key: string) => {
    const index = blocks.findIndex((block) => block.key === key)
    const block = blocks[index]
    if (block && hasContent(block) && !(await confirmation.ask(blockText.confirmRemove(index + 1, blockKindText[block.kind])))) return
    const next = blocks.filter((block) => block.key !== key)
    onChange((current) => current.filter((block) => block.key !== key))
    props.announce(blockText.removed)
    const neighbour = next[Math.min(index, next.length - 1)]
    focusLater(neighbour ? `${neighbour.key}-kind` : 'add-block-kind')
  }
  const add = () => {
    const kind = (addKind.current?.value ?? 'paragraph') as BlockKind
    const block = emptyBlock(kind)
    onChange((current) => insertBlockAfter(current, undefined, block))
    focusLater(kind === 'image' ? `${block.key}-pick` : `${block.key}-text`)
  }

  return (
    <fieldset class={`richtext${Object.keys(props.errors).length ? ' field-invalid' : ''}`} id={fieldId('body')}>
      <legend>{t.body}</legend>
      <FormatHelp />
      <ol class="blocks">
        {blocks.map((block, index) => (
          <li key={block.key} class={`block block-${block.kind}`}>
            <BlockEditor
              block={block}
              index={index}
              count={blocks.length}
              errors={props.errors[block.key] ?? {}}
              onPatch={(patch) => update(block.key, patch)}
              onMove={(offset) => move(block.key, offset)}
              onRemove={() => void remove(block.key)}
              pickImage={props.pickImage}
            />
          </li>
        ))}
      </ol>
      <div class="add-block">
        <label for="add-block-kind">{blockText.newBlock}</label>
        <select id="add-block-kind" ref={addKind}>
          {blockKinds.map((kind) => (
            <option value={kind}>{blockKindText[kind]}</option>
          ))}
        </select>
        <button type="button" class="button" onClick={add}>
          {blockText.add}
        </button>
      </div>
      {confirmation.dialog}
    </fieldset>
  )
}

const hasContent = (block: EditorBlock) => [block.text, block.src, block.caption, block.cite].some((part) => part?.trim())

interface BlockEditorProps {
  block: EditorBlock
  index: number
  count: number
  errors: BlockErrors[string]
  onPatch: (patch: Partial<EditorBlock>) => void
  onMove: (offset: -1 | 1) => void
  onRemove: () => void
  pickImage: RichTextEditorProps['pickImage']
}

function BlockEditor(props: BlockEditorProps) {
  const { block, errors } = props
  const number = props.index + 1
  const error = (part: keyof BlockErrors[string], id: string) =>
    errors[part] ? (
      <p class="field-error" id={`${id}-error`}>
        <strong class="error-prefix">{t.errorPrefix}</strong> {errors[part]}
      </p>
    ) : null
  const described = (id: string, part: keyof BlockErrors[string], hint = false) =>
    [hint ? `${id}-hint` : '', errors[part] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

  return (
    <div class="block-inner" role="group" aria-labelledby={`${block.key}-title`}>
      <div class="block-head">
        <span class="block-number" id={`${block.key}-title`}>
          {blockText.blockTitle(number, blockKindText[block.kind])}
        </span>
        <label class="block-kind">
          <span>{blockText.kind}</span>
          <select id={`${block.key}-kind`} value={block.kind} onChange={(event) => props.onPatch({ kind: (event.currentTarget as HTMLSelectElement).value as BlockKind })}>
            {blockKinds.map((kind) => (
              <option value={kind}>{blockKindText[kind]}</option>
            ))}
          </select>
        </label>
        <div class="block-actions">
          <button type="button" class="button-small" id={`${block.key}-up`} disabled={props.index === 0} onClick={() => props.onMove(-1)}>
            {blockText.up}
            <span class="visually-hidden"> {blockText.which(number)}</span>
          </button>
          <button type="button" class="button-small" id={`${block.key}-down`} disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
            {blockText.down}
            <span class="visually-hidden"> {blockText.which(number)}</span>
          </button>
          <button type="button" class="button-small button-danger" onClick={props.onRemove}>
            {blockText.remove}
            <span class="visually-hidden"> {blockText.which(number)}</span>
          </button>
        </div>
      </div>
      {block.kind === 'image' ? (
        <div class="block-image">
          {block.src ? <img src={block.src} alt="" class="block-thumb" /> : null}
          {error('src', `${block.key}-pick`)}
          <button
            type="button"
            class="button"
            id={`${block.key}-pick`}
            aria-describedby={described(`${block.key}-pick`, 'src')}
            onClick={() => props.pickImage((media) => props.onPatch({ src: media.path, alt: block.alt || media.alt || '' }))}
          >
            {block.src ? t.changeImage : t.chooseImage}
          </button>
          <label for={`${block.key}-alt`}>{t.altText}</label>
          <p class="hint" id={`${block.key}-alt-hint`}>
            {t.altTextHint}
          </p>
          {error('alt', `${block.key}-alt`)}
          <input
            id={`${block.key}-alt`}
            value={block.alt ?? ''}
            aria-invalid={errors.alt ? 'true' : undefined}
            aria-describedby={described(`${block.key}-alt`, 'alt', true)}
            onInput={(event) => props.onPatch({ alt: (event.currentTarget as HTMLInputElement).value })}
          />
          <label for={`${block.key}-caption`}>{blockText.caption}</label>
          <input id={`${block.key}-caption`} value={block.caption ?? ''} onInput={(event) => props.onPatch({ caption: (event.currentTarget as HTMLInputElement).value })} />
        </div>
      ) : (
        <div class="block-text">
          <BlockToolbar block={block} onPatch={props.onPatch} />
          <label for={`${block.key}-text`} class="visually-hidden">
            {blockText.textLabel(number, blockKindText[block.kind])}
          </label>
          {block.kind === 'bullets' || block.kind === 'numbered' ? (
            <p class="hint" id={`${block.key}-text-hint`}>
              {blockText.listHint}
            </p>
          ) : null}
          {error('text', `${block.key}-text`)}
          <textarea
            id={`${block.key}-text`}
            rows={block.kind.startsWith('h') ? 1 : block.kind === 'paragraph' ? 4 : 3}
            value={block.text}
            aria-invalid={errors.text ? 'true' : undefined}
            aria-describedby={described(`${block.key}-text`, 'text', block.kind === 'bullets' || block.kind === 'numbered')}
            onInput={(event) => props.onPatch({ text: (event.currentTarget as HTMLTextAreaElement).value })}
            onKeyDown={(event) => onFormatKey(event, block, props.onPatch)}
          />
          {block.kind === 'quote' ? (
            <>
              <label for={`${block.key}-cite`}>{blockText.cite}</label>
              <input id={`${block.key}-cite`} value={block.cite ?? ''} onInput={(event) => props.onPatch({ cite: (event.currentTarget as HTMLInputElement).value })} />
            </>
          ) : null}
        </div>
      )}
    </div>
  )
}
