// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { RichText } from '../../../functions/content/richtext.ts'
import type { EmbedChoice } from '../../../web/editor/richtext/embeddable.ts'
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

  it('inserts a published film from «Sett inn film eller podkast»: a dialog with a title search, then one block that undoes', async () => {
    const choices: EmbedChoice[] = [
      { block: { type: 'embed', item: { tenant: 'akershus', type: 'film', id: '01HZ8Q4S3V4X2YB6T7N9R0K5MD' }, facts: { title: 'Håndvask', path: '/akershus/film/handvask' } } },
      { block: { type: 'embed', item: { tenant: 'akershus', type: 'podkast', id: '01HZ8Q4S3V4X2YB6T7N9R0K5ME' }, episode: 'kb-1', facts: { title: 'Om søvn', path: '/akershus/podkast/sovn/om-sovn' } } },
    ]
    const changes: RichText[] = []
    const announced: string[] = []
    root = document.body.appendChild(document.createElement('div'))
    const props = { value: doc, errors: {}, pickImage: () => {}, announce: (text: string) => void announced.push(text), onChange: (next: RichText) => void changes.push(next) }
    await act(() => render(<RichTextEditor {...props} embeddable={async () => choices} />, root))
    await act(() => button('Sett inn film eller podkast').click())
    await act(async () => {})
    const dialog = root.querySelector<HTMLDialogElement>('dialog.embed-dialog')!
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Sett inn film eller podkast')
    expect([...dialog.querySelectorAll('.embed-choices button')].map((choice) => choice.querySelector('strong')?.textContent)).toEqual(['Håndvask', 'Om søvn'])
    const search = dialog.querySelector<HTMLInputElement>('input[type=search]')!
    search.value = 'SØVN'
    await act(() => void search.dispatchEvent(new Event('input', { bubbles: true })))
    expect(dialog.querySelector('[role=status]')?.textContent).toBe('1 treff')
    await act(() => dialog.querySelector<HTMLButtonElement>('.embed-choices button')!.click())
    expect(root.querySelector('dialog.embed-dialog')).toBeNull()
    expect(changes.at(-1)?.content.find((block) => block.type === 'embed')).toEqual(choices[1]!.block)
    expect(root.querySelector('figure.rt-embed')?.getAttribute('aria-label')).toBe('Innebygd podkastepisode: Om søvn')
    expect(announced.at(-1)).toMatch(/^Om søvn er satt inn/)
    await act(() => button('Angre').click())
    expect(changes.at(-1)).toEqual(doc)
  })

  it('asks for a link’s address in a dialog that answers once, and leaves the text as it was when cancelled', async () => {
    const changes: RichText[] = []
    await mount(doc, (next) => changes.push(next))
    await act(() => button('Lenke').click())
    const dialog = root.querySelector<HTMLDialogElement>('dialog.link-dialog')!
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Lenke')
    await act(() => dialog.querySelector<HTMLButtonElement>('[data-cancel]')!.click())
    expect(root.querySelector('dialog.link-dialog')).toBeNull()
    expect(changes).toEqual([])
  })

  it('offers no embeds where the text cannot hold them (a lesson)', async () => {
    await mount(doc)
    expect(buttons().some((candidate) => candidate.textContent === 'Sett inn film eller podkast')).toBe(false)
  })
})
