import { describe, expect, it } from 'vitest'
import { usedInTitles } from '../../../web/editor/media/in-use.ts'
import { t } from '../../../web/editor/text.ts'

/** Enough of the tenant API: the file with what uses it, and items by id (one of them deleted meanwhile). */
const api = (usedBy: Array<{ itemId: string; tenant: string }>) =>
  ({
    tenant: 'innlandet',
    getMedia: async () => ({ usedBy }),
    getItem: async (id: string) => (id === 'gone' ? Promise.reject(new Error('404')) : { title: `Sak ${id}` }),
  }) as never

describe('a refused delete names the items by title (issue 17)', () => {
  it("names this edition's items and counts the rest, never an id", async () => {
    const users = await usedInTitles(api([{ itemId: 'A', tenant: 'innlandet' }, { itemId: 'B', tenant: 'innlandet' }, { itemId: 'C', tenant: 'vestfold' }, { itemId: 'gone', tenant: 'innlandet' }]), 'm1')
    expect(users).toEqual({ titles: ['Sak A', 'Sak B'], others: 2 })
    const text = t.mediaInUse('dosett.png', users.titles, users.others)
    expect(text).toBe('dosett.png kan ikke slettes fordi den brukes i «Sak A», «Sak B» og 2 saker til. Fjern den derfra først.')
    expect(text).not.toMatch(/\bC\b|gone/)
  })

  it('reads naturally for one item, and when none can be named', () => {
    expect(t.mediaInUse('dosett.png', ['Trygg legemiddelhåndtering'], 0)).toBe('dosett.png kan ikke slettes fordi den brukes i «Trygg legemiddelhåndtering». Fjern den derfra først.')
    expect(t.mediaInUse('dosett.png', [], 1)).toBe('dosett.png kan ikke slettes fordi den brukes i én sak. Fjern den derfra først.')
    expect(t.mediaInUse('dosett.png', [], 0)).toBe('dosett.png kan ikke slettes fordi den brukes i innhold. Fjern den derfra først.')
  })
})
