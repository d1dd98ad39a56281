import { describe, expect, it } from 'vitest'
import type { TenantApi } from '../../../web/editor/api/endpoints.ts'
import { embeddableItems, matching } from '../../../web/editor/richtext/embeddable.ts'

const id = (n: number) => `01HZ8Q4S3V4X2YB6T7N9R0K5M${n}`
const episode = (guid: string, publishedAt: string) => ({ guid, slug: guid, title: `Episode ${guid}`, publishedAt })

/** «Sett inn film eller podkast»'s choices (issue 17), from the lists the workspace reads, with stubbed answers. */
describe('what an editor may embed', () => {
  const api = {
    listItems: async ({ type }: { type: string }) => ({
      items:
        type === 'film'
          ? [{ tenant: 'akershus', id: id(1), type: 'film', slug: 'handvask', title: 'Håndvask' }]
          : [{ tenant: 'akershus', id: id(2), type: 'podkast', slug: 'sovn', title: 'Søvnpodden', episodes: [episode('ute', '2026-01-01T09:00:00Z'), episode('senere', '2099-01-01T09:00:00Z')] }],
    }),
    shared: async (type: string) => ({
      items: type === 'film' ? [{ tenant: 'innlandet', id: id(3), type: 'film', slug: 'forflytning', title: 'Forflytning' }] : [{ tenant: 'vestfold', id: id(4), type: 'podkast', slug: 'demens', title: 'Demenspodden' }],
    }),
  } as unknown as TenantApi
  const read: string[] = []
  const fetchPublished = async (path: string) => {
    read.push(path)
    if (path === '/api/v1/editions') return { items: [{ id: 'innlandet', name: 'Kompetansebroen Innlandet' }] }
    return { tenant: 'vestfold', id: id(4), type: 'podkast', slug: 'demens', episodes: [episode('samtale', '2026-02-01T09:00:00Z')] }
  }

  it('offers own films and released episodes, and other editions’ shared films and episodes, saying whose by the edition’s name', async () => {
    const choices = await embeddableItems(api, new Date('2026-12-02T12:00:00Z'), fetchPublished)
    expect(read).toEqual(['/api/v1/editions', '/api/v1/items/vestfold/podkast/demens'])
    expect(choices).toEqual([
      { block: { type: 'embed', item: { tenant: 'akershus', type: 'film', id: id(1) }, facts: { title: 'Håndvask', path: '/akershus/film/handvask' } } },
      { block: { type: 'embed', item: { tenant: 'akershus', type: 'podkast', id: id(2) }, episode: 'ute', facts: { title: 'Episode ute', path: '/akershus/podkast/sovn/ute' } } },
      { block: { type: 'embed', item: { tenant: 'innlandet', type: 'film', id: id(3) }, facts: { title: 'Forflytning', path: '/innlandet/film/forflytning' } }, from: 'Kompetansebroen Innlandet' },
      // An edition missing from the list (hidden since) is still named, by its id.
      { block: { type: 'embed', item: { tenant: 'vestfold', type: 'podkast', id: id(4) }, episode: 'samtale', facts: { title: 'Episode samtale', path: '/vestfold/podkast/demens/samtale' } }, from: 'vestfold' },
    ])
    expect(matching(choices, '  håndVASK ').map((choice) => choice.block.facts.title)).toEqual(['Håndvask'])
  })

  it('leaves out a shared series it cannot read, and offers the rest', async () => {
    const choices = await embeddableItems(api, new Date('2026-12-02T12:00:00Z'), async () => Promise.reject(new Error('404')))
    expect(choices.map((choice) => choice.block.facts.title)).toEqual(['Håndvask', 'Episode ute', 'Forflytning'])
  })
})
