import { describe, expect, it } from 'vitest'
import { parseInline } from '../../../web/editor/richtext/markup.ts'
import { insertLink, toggleMarker, type Edit } from '../../../web/editor/richtext/transforms.ts'

/** "a [sel] b" notation: brackets mark the selection. */
const at = (marked: string): Edit => {
  const start = marked.indexOf('[')
  const end = marked.indexOf(']') - 1
  return { text: marked.replace('[', '').replace(']', ''), start, end }
}
const show = (edit: Edit) => edit.text.slice(0, edit.start) + '[' + edit.text.slice(edit.start, edit.end) + ']' + edit.text.slice(edit.end)

describe('formatting transforms', () => {
  it('makes a selection bold and back', () => {
    const bold = toggleMarker(at('Les [dette] nå'), '**')
    expect(show(bold)).toBe('Les **[dette]** nå')
    expect(parseInline(bold.text)).toEqual([
      { type: 'text', text: 'Les ' },
      { type: 'text', text: 'dette', marks: ['bold'] },
      { type: 'text', text: ' nå' },
    ])
    expect(show(toggleMarker(bold, '**'))).toBe('Les [dette] nå')
  })

  it('adds italic to bold text and takes each off separately', () => {
    const both = toggleMarker(at('**[x]**'), '*')
    expect(show(both)).toBe('***[x]***')
    expect(show(toggleMarker(both, '*'))).toBe('**[x]**')
    expect(show(toggleMarker(both, '**'))).toBe('*[x]*')
    expect(show(toggleMarker(at('*[x]*'), '*'))).toBe('[x]')
  })

  it('wraps an empty selection so typing goes between the markers', () => {
    expect(show(toggleMarker(at('a []b'), '**'))).toBe('a **[]**b')
  })

  it('turns a selection into a link with the caret where the address goes', () => {
    const linked = insertLink(at('Les [veilederen] her'))
    expect(linked.text).toBe('Les [veilederen](https://) her')
    expect(linked.text.slice(0, linked.start)).toBe('Les [veilederen](https://')
    expect(linked.start).toBe(linked.end)
  })

  it('inserts a selected placeholder when nothing is selected', () => {
    const linked = insertLink(at('Se []'))
    expect(linked.text).toBe('Se [lenketekst](https://)')
    expect(linked.text.slice(linked.start, linked.end)).toBe('lenketekst')
  })
})
