import { describe, expect, it } from 'vitest'
import { allowedEdits, foreignSpelling, foreignTermsOf, stem, termsOf, words } from '../../../functions/search/analysis.ts'

describe('Norwegian analysis', () => {
  it('splits on anything but letters and digits, lower-cases and keeps æ, ø and å as letters', () => {
    expect(words('KOLS-pasienter på sykehjem: Håndhygiene, ernæring og 2 timer')).toEqual(['kols', 'pasienter', 'på', 'sykehjem', 'håndhygiene', 'ernæring', 'og', '2', 'timer'])
    // "Å" written as A + combining ring is the same letter as "å".
    expect(words('A\u030Apen')).toEqual(['åpen'])
  })

  it("stems with Snowball's Norwegian stemmer, so inflected forms meet", () => {
    expect(stem('pasientene')).toBe(stem('pasienter'))
    expect(stem('pasienter')).toBe('pasient')
    expect(stem('behandlingen')).toBe('behandling')
    expect(stem('trykksåret')).toBe('trykksår')
    expect(stem('legemidlene')).toBe(stem('legemidler'))
  })

  it('indexes a word as written and as its stem, so "sykepleiere" meets "sykepleier" although Snowball parts them', () => {
    expect(stem('sykepleier')).toBe('sykeplei')
    expect(termsOf('sykepleier')).toEqual(['sykepleier', 'sykeplei'])
    expect(termsOf('sykepleiere')).toContain('sykepleier')
  })

  it("drops Snowball's Norwegian stop words", () => {
    for (const word of ['og', 'i', 'på', 'med', 'for', 'som', 'det', 'hos']) expect(termsOf(word), word).toEqual(word === 'hos' ? ['hos'] : [])
  })

  it('spells æ, ø and å as ae, o and aa for foreign keyboards, and only words that have them', () => {
    expect(foreignSpelling('sårbehandling')).toBe('saarbehandling')
    expect(foreignSpelling('ernæring')).toBe('ernaering')
    expect(foreignSpelling('søvn')).toBe('sovn')
    expect(foreignSpelling('demens')).toBeUndefined()
    expect(foreignTermsOf('håndhygiene')).toEqual(['haandhygiene', 'haandhygi'])
  })

  it('forgives no typo in short words, one in words of 4–5 letters and two from 6', () => {
    expect(allowedEdits('sår')).toBe(0)
    expect(allowedEdits('kols')).toBe(1)
    expect(allowedEdits('demens')).toBe(2)
  })
})
