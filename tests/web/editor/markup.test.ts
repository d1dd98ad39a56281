import { describe, expect, it } from 'vitest'
import type { Inline } from '../../../functions/content/richtext.ts'
import { normalizeInlines, parseInline, serializeInline } from '../../../web/editor/richtext/markup.ts'

const text = (value: string, ...marks: Array<'bold' | 'italic'>): Inline => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const link = (value: string, href: string): Inline => ({ type: 'link', text: value, href })

describe('inline markup', () => {
  it('reads bold, italic, both and links', () => {
    expect(parseInline('Les **dette** og *hint* eller ***begge***.')).toEqual([
      text('Les '),
      text('dette', 'bold'),
      text(' og '),
      text('hint', 'italic'),
      text(' eller '),
      text('begge', 'bold', 'italic'),
      text('.'),
    ])
    expect(parseInline('Se [Helsedirektoratet](https://www.helsedirektoratet.no) nå')).toEqual([
      text('Se '),
      link('Helsedirektoratet', 'https://www.helsedirektoratet.no'),
      text(' nå'),
    ])
  })

  it('keeps half-written markup as typed', () => {
    expect(parseInline('5 * 3 = 15')).toEqual([text('5 * 3 = 15')])
    expect(parseInline('**fet uten slutt')).toEqual([text('**fet uten slutt')])
    expect(parseInline('[lenke uten adresse]')).toEqual([text('[lenke uten adresse]')])
    expect(parseInline('[tekst](')).toEqual([text('[tekst](')])
    expect(parseInline('C:\\Users\\kari')).toEqual([text('C:\\Users\\kari')])
  })

  it('takes escaped punctuation literally', () => {
    expect(parseInline('\\*ikke kursiv\\* og \\[ikke](lenke)')).toEqual([text('*ikke kursiv* og [ikke](lenke)')])
    expect(parseInline('[a \\] b](https://x.no/\\)y)')).toEqual([link('a ] b', 'https://x.no/)y')])
  })

  it('writes ordinary text without escapes', () => {
    expect(serializeInline([text('5 * 3 = 15 og C:\\mappe')])).toBe('5 * 3 = 15 og C:\\mappe')
    expect(serializeInline([text('Les '), text('dette', 'bold'), text(' nå')])).toBe('Les **dette** nå')
  })

  const cases: Array<[string, Inline[]]> = [
    ['marks side by side', [text('a', 'bold'), text('b', 'italic'), text('c', 'bold', 'italic'), text('d')]],
    ['literal stars next to marks', [text('*', 'bold'), text('**x'), text('y*', 'italic')]],
    ['brackets and backslashes', [text('[ikke en lenke](x) \\* \\'), link('tekst [med] \\ klammer', 'https://x.no/a_(b)')]],
    ['links between marks', [text('før ', 'bold'), link('midt', '/innlandet/artikler/x'), text(' etter', 'italic')]],
    ['only a link', [link('e-post', 'mailto:redaksjon@example.no')]],
    ['empty', []],
  ]
  it.each(cases)('round-trips %s exactly', (_name, inlines) => {
    expect(parseInline(serializeInline(inlines))).toEqual(normalizeInlines(inlines))
  })

  it('round-trips random mixes of text, marks and links', () => {
    const pieces = ['a', ' ', '*', '**', '[', ']', '(', ')', '\\', 'ø', 'x y']
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    for (let round = 0; round < 500; round++) {
      const inlines: Inline[] = Array.from({ length: 1 + random(5) }, () => {
        const value = Array.from({ length: 1 + random(4) }, () => pieces[random(pieces.length)]).join('')
        if (random(5) === 0) return link(value.trim() || 'x', 'https://x.no/' + value.replace(/\s/g, ''))
        const marks = [['bold'], ['italic'], ['bold', 'italic'], []][random(4)] as Array<'bold' | 'italic'>
        return text(value, ...marks)
      })
      expect(parseInline(serializeInline(inlines))).toEqual(normalizeInlines(inlines))
    }
  })
})
