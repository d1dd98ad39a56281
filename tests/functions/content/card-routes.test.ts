import { beforeAll, describe, expect, it } from 'vitest'
import { cardRoutes, type PageCard } from '../../../functions/content/card-routes.ts'
import type { PublishedItem } from '../../../functions/content/schema.ts'
import { createPublicApiApp } from '../../../functions/public-api.ts'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../../support/fixtures.ts'

const cards = async (app: { request: (path: string) => Response | Promise<Response> }, paths: string[]) => {
  const response = await app.request(`/api/v1/cards?${paths.map((path) => `path=${encodeURIComponent(path)}`).join('&')}`)
  return { response, body: (await response.json()) as { items: PageCard[]; error?: string } }
}

/** Issue 14: "Mine favoritter" shows the same cards as listings, read in one request for the reader's whole list. */
describe('cards for a list of pages (public API)', () => {
  let services: Services
  let app: ReturnType<typeof createPublicApiApp>
  let withdrawn: Awaited<ReturnType<typeof publishNew>>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('card-routes'))
    await seedCatalog(services, ['nasjonal', 'akershus', 'ostfold'])
    await publishNew(services, testArticle('akershus', 'demens-og-ernaering', { title: 'Demens og ernæring', summary: 'Om mat og drikke.' }))
    await publishNew(services, testArticle('ostfold', 'trykksar', { title: 'Trykksår' }))
    withdrawn = await publishNew(services, testArticle('akershus', 'gammel-rutine', { title: 'Gammel rutine' }))
    await services.content.withdraw('akershus', withdrawn.id, withdrawn.version)
    app = createPublicApiApp(services)
  })

  it('answers each page in the order asked: its card, 410 for a withdrawn item, 404 for one never published', async () => {
    const { response, body } = await cards(app, ['/ostfold/artikler/trykksar', '/akershus/artikler/gammel-rutine', '/akershus/artikler/demens-og-ernaering', '/akershus/film/finnes-ikke'])
    expect(response.status).toBe(200)
    expect(body.items.map((entry) => [entry.path, entry.status, 'card' in entry ? entry.card.title : undefined])).toEqual([
      ['/ostfold/artikler/trykksar', 200, 'Trykksår'],
      ['/akershus/artikler/gammel-rutine', 410, undefined],
      ['/akershus/artikler/demens-og-ernaering', 200, 'Demens og ernæring'],
      ['/akershus/film/finnes-ikke', 404, undefined],
    ])
    const card = body.items[2] as Extract<PageCard, { status: 200 }>
    expect(card.card).toMatchObject({ tenant: 'akershus', type: 'artikler', slug: 'demens-og-ernaering', summary: 'Om mat og drikke.' })
    // No body or editor fields: a card is what a listing shows.
    expect(Object.keys(card.card)).not.toContain('body')
  })

  it('is cacheable at the CDN like a page', async () => {
    const { response } = await cards(app, ['/ostfold/artikler/trykksar'])
    expect(response.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=60, stale-while-revalidate=600')
  })

  it.each([
    ['no path', []],
    ['an editor path', ['/redaktor/akershus']],
    ['an unknown type', ['/akershus/blogg/noe']],
    ['an episode under something not a podcast', ['/akershus/artikler/a/b']],
    ['a traversal', ['/akershus/artikler/../../api']],
    ['51 paths', Array.from({ length: 51 }, (_, index) => `/akershus/artikler/sak-${index}`)],
  ])('refuses %s with 400', async (_, paths) => {
    const { response, body } = await cards(app, paths)
    expect(response.status).toBe(400)
    expect(body.error).toMatch(/^Invalid query: path: /)
  })

  it("gives an episode its series' card with the episode's own title, text, date and length, at the episode's page", async () => {
    const series = {
      ...testArticle('vestfold', 'sykepleiepodden', { title: 'Sykepleiepodden' }),
      type: 'podkast',
      publishedAt: '2026-01-01T09:00:00Z',
      episodes: [{ slug: 'episode-1', title: 'Om søvn', summary: 'Søvn hos eldre.', publishedAt: '2026-02-01T09:00:00Z', audio: { durationSeconds: 1500 } }],
    } as unknown as PublishedItem
    const stub = cardRoutes({ content: { readerViews: async () => new Map([['/vestfold/podkast/sykepleiepodden', series]]) } as never })
    const { body } = await cards({ request: (path) => stub.request(path.replace('/api/v1', '')) }, ['/vestfold/podkast/sykepleiepodden/episode-1', '/vestfold/podkast/sykepleiepodden/episode-9'])
    expect(body.items[0]).toMatchObject({
      path: '/vestfold/podkast/sykepleiepodden/episode-1',
      status: 200,
      card: { type: 'podkast', title: 'Om søvn', summary: 'Søvn hos eldre.', publishedAt: '2026-02-01T09:00:00Z', durationSeconds: 1500 },
    })
    expect(body.items[0]).not.toHaveProperty('card.episodeCount')
    expect(body.items[1]).toEqual({ path: '/vestfold/podkast/sykepleiepodden/episode-9', status: 404 })
  })
})
