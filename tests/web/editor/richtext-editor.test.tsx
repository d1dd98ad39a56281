// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { RichText } from '../../../functions/content/richtext.ts'
import { RichTextEditor } from '../../../web/editor/richtext/editor.tsx'

const doc: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Husk dosetten' }] }] }

let root: HTMLElement
afterEach(() => {
  render(null, root)
  root.remove()
})

async function mount(value: RichText, onChange: (doc: RichText) => void = () => {}) {
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<RichTextEditor value={value} onChange={onChange} errors={{}} pickImage={() => {}} announce={() => {}} />, root))
  return root
}

const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')]
const button = (name: string) => buttons().find((candidate) => candidate.textContent === name)!

describe('the visual body editor (issue 17)', () => {
  it('is a multi-line text box named «Brødtekst», controlled by one toolbar with one Tab stop', async () => {
    await mount(doc)
    const area = root.querySelector<HTMLElement>('[contenteditable]')!
    expect(area.getAttribute('role')).toBe('textbox')
    expect(area.getAttribute('aria-multiline')).toBe('true')
    expect(document.getElementById(area.getAttribute('aria-labelledby')!)?.textContent).toBe('Brødtekst')
    const toolbar = root.querySelector('[role=toolbar]')!
    expect(toolbar.getAttribute('aria-controls')).toBe(area.id)
    expect(buttons().map((candidate) => candidate.textContent)).toEqual([
      'Avsnitt', 'Overskrift 2', 'Overskrift 3', 'Overskrift 4', 'Punktliste', 'Nummerert liste', 'Sitat',
      'Fet', 'Kursiv', 'Lenke', 'Bilde fra mediebiblioteket', 'Angre', 'Gjør om',
    ])
    expect(buttons().filter((candidate) => candidate.tabIndex === 0)).toHaveLength(1)
    expect(button('Fet').getAttribute('aria-keyshortcuts')).toBe('Control+B')
    expect(button('Angre').getAttribute('aria-disabled')).toBe('true')
  })

  it('hands on the stored document at every change, says which marks are on, and undoes', async () => {
    const changes: RichText[] = []
    await mount(doc, (next) => changes.push(next))
    expect(button('Avsnitt').getAttribute('aria-pressed')).toBe('true')
    expect(button('Fet').getAttribute('aria-pressed')).toBe('false')
    // Select "Husk" and press «Fet», then «Overskrift 2».
    const area = root.querySelector<HTMLElement>('[contenteditable]')!
    area.focus()
    const editorView = (area as unknown as { editor: { commands: { setTextSelection: (range: { from: number; to: number }) => boolean } } }).editor
    await act(() => void editorView.commands.setTextSelection({ from: 1, to: 5 }))
    await act(() => button('Fet').click())
    await act(() => button('Overskrift 2').click())
    expect(button('Fet').getAttribute('aria-pressed')).toBe('true')
    expect(button('Overskrift 2').getAttribute('aria-pressed')).toBe('true')
    expect(changes.at(-1)).toEqual({
      type: 'doc',
      content: [{ type: 'heading', level: 2, content: [{ type: 'text', text: 'Husk', marks: ['bold'] }, { type: 'text', text: ' dosetten' }] }],
    })
    await act(() => button('Angre').click())
    await act(() => button('Angre').click())
    expect(changes.at(-1)).toEqual(doc)
  })

  it('never writes a value it handed on back over what was typed since; a new value from outside replaces the text', async () => {
    const changes: RichText[] = []
    const props = { errors: {}, pickImage: () => {}, announce: () => {}, onChange: (next: RichText) => void changes.push(next) }
    await mount(doc, props.onChange)
    const area = root.querySelector<HTMLElement>('[contenteditable]')!
    const editor = (area as unknown as { editor: { commands: { insertContentAt: (at: number, text: string) => boolean } } }).editor
    await act(() => void editor.commands.insertContentAt(14, ' i dag'))
    await act(() => void editor.commands.insertContentAt(20, ' og i morgen'))
    // A render that lags one keystroke behind brings the first change back as the value.
    await act(() => render(<RichTextEditor value={changes[0]!} {...props} />, root))
    expect(area.textContent).toBe('Husk dosetten i dag og i morgen')
    // A restored backup is a new document: it replaces the text.
    const restored: RichText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fra sikkerhetskopien' }] }] }
    await act(() => render(<RichTextEditor value={restored} {...props} />, root))
    expect(area.textContent).toBe('Fra sikkerhetskopien')
  })
})
