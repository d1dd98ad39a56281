import { describe, expect, it } from 'vitest'
import { richTextSchema, type RichText } from '../../../functions/content/richtext.ts'
import { blocksToDoc, docToBlocks, emptyBlock, insertBlockAfter, moveBlock, type EditorBlock } from '../../../web/editor/richtext/blocks.ts'

const doc: RichText = {
  type: 'doc',
  content: [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Hva er delirium?' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Delirium er ' }, { type: 'text', text: 'akutt', marks: ['bold'] }, { type: 'text', text: ' forvirring.' }] },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ type: 'text', text: 'Uro' }],
        [{ type: 'text', text: '- med bindestrek først' }],
        [{ type: 'link', text: 'Veileder', href: 'https://www.helsebiblioteket.no' }],
      ],
    },
    { type: 'list', ordered: true, items: [[{ type: 'text', text: '1. Ikke et nummer' }], [{ type: 'text', text: '* ikke kursiv' }]] },
    { type: 'heading', level: 4, content: [{ type: 'text', text: 'Kilder', marks: ['italic'] }] },
    { type: 'quote', content: [{ type: 'text', text: 'Se pasienten.' }], cite: 'En sykepleier' },
    { type: 'image', src: '/media/tenants/innlandet/media/01JD00000000000000000000AA/bilde.jpg', alt: 'Sykepleier ved sengen', caption: 'Foto: Redaksjonen' },
  ],
}

describe('rich-text blocks', () => {
  it('turns the document into editable blocks and back without a change', () => {
    const blocks = docToBlocks(doc)
    expect(blocks.map((block) => block.kind)).toEqual(['h2', 'paragraph', 'bullets', 'numbered', 'h4', 'quote', 'image'])
    expect(blocks[1]!.text).toBe('Delirium er **akutt** forvirring.')
    expect(blocks[2]!.text).toBe('Uro\n\\- med bindestrek først\n[Veileder](https://www.helsebiblioteket.no)')
    const back = blocksToDoc(blocks)
    expect(back.problems).toEqual([])
    expect(back.doc).toEqual(doc)
    expect(richTextSchema.safeParse(back.doc).success).toBe(true)
  })

  it('reads lists one item per line, with or without markers, skipping blank lines', () => {
    const list: EditorBlock = { key: 'l', kind: 'numbered', text: '1. Første\n\n2) Andre\n- Tredje\nFjerde' }
    expect(blocksToDoc([list]).doc.content).toEqual([
      { type: 'list', ordered: true, items: ['Første', 'Andre', 'Tredje', 'Fjerde'].map((text) => [{ type: 'text', text }]) },
    ])
  })

  it('leaves out empty blocks and joins lines of a paragraph', () => {
    const blocks: EditorBlock[] = [
      { key: 'a', kind: 'paragraph', text: '  ' },
      { key: 'b', kind: 'paragraph', text: 'Første linje\nandre linje' },
      { key: 'c', kind: 'bullets', text: '\n' },
    ]
    const { doc: result, keys } = blocksToDoc(blocks)
    expect(result.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Første linje andre linje' }] }])
    expect(keys).toEqual(['b'])
  })

  it('names images without a file or alt text', () => {
    const { problems } = blocksToDoc([
      { key: 'x', kind: 'image', text: '' },
      { key: 'y', kind: 'image', text: '', src: '/media/a.jpg', alt: ' ' },
    ])
    expect(problems).toEqual([
      { key: 'x', field: 'src', code: 'image-missing' },
      { key: 'y', field: 'alt', code: 'alt-missing' },
    ])
  })

  it('moves and inserts blocks', () => {
    const [a, b, c] = [emptyBlock(), emptyBlock('h2'), emptyBlock('quote')]
    expect(moveBlock([a, b, c], c.key, -1).map((block) => block.kind)).toEqual(['paragraph', 'quote', 'h2'])
    expect(moveBlock([a, b, c], a.key, -1)).toEqual([a, b, c])
    expect(moveBlock([a, b, c], c.key, 1)).toEqual([a, b, c])
    const d = emptyBlock('bullets')
    expect(insertBlockAfter([a, b, c], a.key, d).map((block) => block.key)).toEqual([a.key, d.key, b.key, c.key])
    expect(insertBlockAfter([a], undefined, d).map((block) => block.key)).toEqual([a.key, d.key])
  })
})
