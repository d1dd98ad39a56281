// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { richTextSchema, type Block, type RichText } from '../../../functions/content/richtext.ts'
import { fromProseMirror, toProseMirror } from '../../../web/editor/richtext/prosemirror-doc.ts'
import { extensions } from '../../../web/editor/richtext/schema.ts'

// happy-dom lacks CSSStyleSheet.rules, the old alias of cssRules that prosemirror-view reads when a paste holds a
// <style> element (Word's does: it applies those rules inline before parsing). Browsers all have it.
if (!('rules' in CSSStyleSheet.prototype)) Object.defineProperty(CSSStyleSheet.prototype, 'rules', { get: function (this: CSSStyleSheet) { return this.cssRules } })

const image = '/media/tenants/akershus/media/01HZ8Q4S3V4X2YB6T7N9R0K5MC/dosett.png'

/** One of every block and every mark the stored document can hold. */
const everything: RichText = {
  type: 'doc',
  content: [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Slik gjør du det' }] },
    { type: 'heading', level: 3, content: [{ type: 'text', text: 'Før du starter' }] },
    { type: 'heading', level: 4, content: [{ type: 'text', text: 'Utstyr' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Dobbeltkontroller ' },
        { type: 'text', text: 'alltid', marks: ['bold'] },
        { type: 'text', text: ', ' },
        { type: 'text', text: 'helst', marks: ['italic'] },
        { type: 'text', text: ' med ' },
        { type: 'text', text: 'to', marks: ['bold', 'italic'] },
        { type: 'text', text: ' personer. Se ' },
        { type: 'link', href: 'https://www.helsedirektoratet.no', text: 'Helsedirektoratet' },
        { type: 'text', text: ' og ' },
        { type: 'link', href: '/akershus/artikler/dosett', text: 'dosett' },
        { type: 'text', text: '.\nNy linje.' },
      ],
    },
    { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Hender' }], [{ type: 'text', text: 'Hansker', marks: ['bold'] }]] },
    { type: 'list', ordered: true, items: [[{ type: 'text', text: 'Først' }], [{ type: 'link', href: 'mailto:post@example.no', text: 'Skriv' }]] },
    { type: 'quote', content: [{ type: 'text', text: 'Trygghet først.' }], cite: 'Kari Nordmann' },
    { type: 'quote', content: [{ type: 'text', text: 'Uten kilde.' }] },
    { type: 'image', src: image, alt: 'En ukedosett med piller', caption: 'Dosett for en uke' },
    { type: 'image', src: image, alt: 'Uten bildetekst' },
    {
      type: 'embed',
      item: { tenant: 'innlandet', type: 'film', id: '01HZ8Q4S3V4X2YB6T7N9R0K5MD' },
      facts: {
        title: 'Håndvask',
        path: '/innlandet/film/handvask',
        image: { src: image, alt: 'Plakat', width: 1200, height: 800, variants: { widths: [320, 640], formats: ['avif', 'webp'] }, focalPoint: { x: 0.3, y: 0.6 } },
        durationSeconds: 95,
      },
    },
    {
      type: 'embed',
      item: { tenant: 'akershus', type: 'podkast', id: '01HZ8Q4S3V4X2YB6T7N9R0K5ME' },
      episode: 'kb-1',
      facts: { title: 'Om søvn', path: '/akershus/podkast/sovnpodden/om-sovn', durationSeconds: 1500, audio: { src: image.replace('dosett.png', 'lyd.mp3'), mimeType: 'audio/mpeg' } },
    },
  ],
}

let editor: Editor | undefined
afterEach(() => editor?.destroy())

/** The editor as an editor uses it: mounted on an element, with the schema of schema.ts. */
function mount(doc: RichText = { type: 'doc', content: [] }) {
  editor = new Editor({ element: document.createElement('div'), extensions, content: toProseMirror(doc) })
  return editor
}

const stored = (editor: Editor) => fromProseMirror(editor.getJSON()).doc

/** What a paste of this HTML leaves in an empty editor, as the stored document. */
function paste(html: string): Block[] {
  const editor = mount()
  editor.view.pasteHTML(html)
  const doc = stored(editor)
  expect(richTextSchema.safeParse(doc).success, JSON.stringify(doc)).toBe(true)
  return doc.content
}

describe('the visual editor’s document (issue 17)', () => {
  it('round-trips every block and mark exactly, through the live editor', () => {
    expect(stored(mount(everything))).toEqual(everything)
    expect(fromProseMirror(toProseMirror(everything)).doc).toEqual(everything)
  })

  it('gives an empty document one paragraph to type in, and stores nothing for it', () => {
    expect(toProseMirror({ type: 'doc', content: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(stored(mount())).toEqual({ type: 'doc', content: [] })
  })

  it('leaves out empty blocks and list items, and reports an image without alt text', () => {
    const { doc, problems } = fromProseMirror({
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '   ' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ett' }] }] }] },
        { type: 'image', attrs: { src: image, alt: '  ', caption: '' } },
      ],
    })
    expect(doc.content).toEqual([
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Ett' }]] },
      { type: 'image', src: image, alt: '' },
    ])
    expect(problems).toEqual([{ index: 1, code: 'alt-missing' }])
  })

  it('keeps bold and italic off link text, since a stored link is plain text', () => {
    const editor = mount({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'link', href: 'https://www.nhi.no', text: 'NHI' }] }] })
    editor.chain().selectAll().setBold().setItalic().run()
    expect(stored(editor).content).toEqual([{ type: 'paragraph', content: [{ type: 'link', href: 'https://www.nhi.no', text: 'NHI' }] }])
  })

  it('undoes a deleted block (the history that replaces «Slett blokk»’s question)', () => {
    const editor = mount(everything)
    editor.chain().setNodeSelection(editor.state.doc.content.size - 1).deleteSelection().run()
    expect(stored(editor).content).toHaveLength(everything.content.length - 1)
    editor.commands.undo()
    expect(stored(editor)).toEqual(everything)
  })

  it('shows an embed as one block named for screen readers, which a paste never makes', () => {
    const editor = mount(everything)
    const figures = [...editor.view.dom.querySelectorAll('figure.rt-embed')]
    expect(figures.map((figure) => figure.getAttribute('aria-label'))).toEqual(['Innebygd film: Håndvask', 'Innebygd podkastepisode: Om søvn'])
    expect(figures.every((figure) => figure.getAttribute('contenteditable') === 'false')).toBe(true)
    expect(paste(figures[0]!.outerHTML).some((block) => block.type === 'embed')).toBe(false)
  })

  it('refuses links that are not web, e-mail or site addresses', () => {
    const editor = mount({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Klikk' }] }] })
    editor.chain().selectAll().setLink({ href: 'javascript:alert(1)' }).run()
    expect(stored(editor).content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Klikk' }] }])
  })
})

describe('pasting from Word and web pages keeps structure and drops styling (issue 17)', () => {
  it('keeps headings, bold and italic from styled Word markup, and drops fonts, colours and classes', () => {
    const word = `<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
      <h1 style="color:#2F5496"><span style="font-family:'Calibri Light'">Legemidler i hjemmet</span></h1>
      <p class="MsoNormal"><span style="font-size:11pt;color:red">Husk </span><b><span style="font-size:11pt">alltid</span></b>
      <span style="font-style:italic">å sjekke</span> <font face="Arial" color="blue">navnet</font>.</p>
      <h5>Detaljer</h5></body></html>`
    expect(paste(word)).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Legemidler i hjemmet' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Husk ' },
          { type: 'text', text: 'alltid', marks: ['bold'] },
          { type: 'text', text: ' ' },
          { type: 'text', text: 'å sjekke', marks: ['italic'] },
          { type: 'text', text: ' navnet.' },
        ],
      },
      { type: 'heading', level: 4, content: [{ type: 'text', text: 'Detaljer' }] },
    ])
  })

  it('keeps a web page’s lists, safe links and quotes; nested lists become their own list', () => {
    const page = `<ul><li>Hender <a href="https://www.fhi.no" style="color:red">FHI</a></li><li>Hansker<ul><li>Nitril</li></ul></li></ul>
      <ol><li><strong>Først</strong></li></ol>
      <blockquote><p>Trygghet først.</p><cite>Kari Nordmann</cite></blockquote>
      <blockquote><p>Fra vår egen side.</p><footer>— Ola Nordmann</footer></blockquote>
      <p><a href="javascript:alert(1)">Klikk</a> her</p>`
    const blocks = paste(page)
    expect(blocks[0]).toEqual({
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', text: 'Hender ' }, { type: 'link', href: 'https://www.fhi.no', text: 'FHI' }], [{ type: 'text', text: 'Hansker' }]],
    })
    expect(blocks).toContainEqual({ type: 'list', ordered: false, items: [[{ type: 'text', text: 'Nitril' }]] })
    expect(blocks).toContainEqual({ type: 'list', ordered: true, items: [[{ type: 'text', text: 'Først', marks: ['bold'] }]] })
    expect(blocks).toContainEqual({ type: 'quote', content: [{ type: 'text', text: 'Trygghet først.' }], cite: 'Kari Nordmann' })
    expect(blocks).toContainEqual({ type: 'quote', content: [{ type: 'text', text: 'Fra vår egen side.' }], cite: 'Ola Nordmann' })
    expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Klikk her' }] })
  })

  it('keeps a table’s text, drops scripts, styles and images from other sites, keeps a library image', () => {
    const blocks = paste(`<table><tr><td>Dose</td><td>Tid</td></tr><tr><td>5 mg</td><td>08:00</td></tr></table>
      <script>alert(1)</script><style>p{color:red}</style><img src="https://evil.example/x.png" alt="x"><img src="${image}" alt="Dosett">`)
    const text = JSON.stringify(blocks)
    for (const cell of ['Dose', 'Tid', '5 mg', '08:00']) expect(text).toContain(cell)
    expect(text).not.toMatch(/alert|color|evil/)
    expect(blocks[blocks.length - 1]).toEqual({ type: 'image', src: image, alt: 'Dosett' })
  })
})
