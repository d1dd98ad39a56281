import { beforeAll, describe, expect, it } from 'vitest'
import { contentTypes, type ContentFields } from '../../functions/content/schema.ts'
import type { Services } from '../../functions/services.ts'
import { initialTenantIds } from '../../infra/definitions.ts'
import { loadFixtures } from '../../infra/local/seed/fixtures.ts'
import { demoItems } from '../../infra/local/seed/index.ts'
import { copyDemoContent } from '../support/demo-template.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { createTestEnvironment } from '../support/environment.ts'

/** Over the whole demo dataset: each edition lists exactly the right items, and every item has a page. */
describe('editions over the demo content', () => {
  let seeded: ContentFields[]
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('editions'))
    const { now } = await copyDemoContent(services)
    seeded = demoItems({ now: new Date(now), fixtures: loadFixtures() }).map((item) => item.fields as ContentFields)
    // Three cards a page, so every listing spans several pages and the cursor links are exercised.
    app = createSiteApp(services, { assets: () => ({}), pageSize: 3 })
  })

  /** Follows "Neste side" from the first page to the last, collecting item addresses. */
  async function everyListed(path: string): Promise<string[]> {
    const seen: string[] = []
    for (let next: string | undefined = path; next; ) {
      const html: string = await (await app.request(next)).text()
      seen.push(...[...html.matchAll(/class="card-title"><a href="(\/[a-z]+\/[a-z-]+\/[a-z0-9-]+)/g)].map((match) => match[1]!))
      next = html.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replaceAll('&amp;', '&')
    }
    return seen
  }

  const belongsTo = (edition: string, item: ContentFields) =>
    item.tenant === edition || (edition === 'nasjonal' && (item.sharedNationally || item.tenant === 'nasjonal'))

  it.each(initialTenantIds)('the %s edition lists exactly its own items (and, nationally, the shared ones), each once', async (edition) => {
    for (const type of contentTypes) {
      const listed = await everyListed(edition === 'nasjonal' ? `/${type}` : `/${edition}/${type}`)
      const expected = seeded.filter((item) => item.type === type && belongsTo(edition, item)).map((item) => `/${item.tenant}/${type}/${item.slug}`)
      expect(listed.sort(), `${edition} ${type}`).toEqual(expected.sort())
    }
  })

  it('serves a page for every seeded item, and for every podcast episode', async () => {
    for (const item of seeded) {
      const response = await app.request(`/${item.tenant}/${item.type}/${item.slug}`)
      expect(response.status, `${item.tenant}/${item.type}/${item.slug}`).toBe(200)
      expect(await response.text()).toContain(`<h1>${item.title.replaceAll('&', '&amp;')}</h1>`)
      if (item.type === 'podkast')
        for (const episode of item.episodes)
          expect((await app.request(`/${item.tenant}/podkast/${item.slug}/${episode.slug}`)).status).toBe(200)
    }
    // Every page of the demo, one after another: a loaded CI took over the default two minutes.
  }, 600_000)
})
