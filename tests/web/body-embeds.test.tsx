import { render } from 'preact-render-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import * as keys from '../../functions/content/keys.ts'
import type { ContentFields } from '../../functions/content/schema.ts'
import type { Services } from '../../functions/services.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { RichText } from '../../web/site/components/rich-text.tsx'
import { createTestEnvironment } from '../support/environment.ts'
import { publishNew, seedCatalog, testArticle } from '../support/fixtures.ts'
import { attributesOf } from './markup.ts'

/**
 * A film or episode embedded in an article's text (issue 17) reaches readers from the facts its save copied: a
 * card linking to it (a player for an episode), plain HTML, and no DynamoDB request beyond the article's own.
 */
describe('films and episodes in an article’s text', () => {
  let services: Services
  let app: ReturnType<typeof createSiteApp>
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('site-body-embeds'))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold'])
    const film = { ...testArticle('vestfold', 'handvask'), type: 'film', title: 'Håndvask – steg & steg', sharedNationally: true, video: { externalUrl: 'https://video.example.no/handvask', durationSeconds: 95 } } as ContentFields
    const published = await publishNew(services, film)
    await publishNew(
      services,
      testArticle('innlandet', 'med-film', {
        title: 'Med film',
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Se filmen.' }] },
            { type: 'embed', item: { tenant: 'vestfold', type: 'film', id: published.id } },
          ],
        },
      }),
    )
    app = createSiteApp(services, { assets: () => ({ 'site.css': '/assets/site-TEST.css' }) })
  })

  it('shows the film as a figure whose caption links to its page, with one DynamoDB request for the page', async () => {
    await services.catalog.get()
    const operations: string[] = []
    const stop = services.clients.onDynamoRequest((operation) => operations.push(operation))
    const response = await app.request('/innlandet/artikler/med-film')
    stop()
    expect(response.status).toBe(200)
    expect(operations).toHaveLength(1)
    const html = await response.text()
    const figure = html.match(/<figure class="embedded-item embedded-film">(.*?)<\/figure>/s)?.[1]
    expect(figure).toBeDefined()
    expect(figure).toContain(
      '<figcaption><span class="embedded-kind">Film</span> <a href="/vestfold/film/handvask">Håndvask – steg &amp; steg</a><span class="embedded-duration"> · 1 min</span></figcaption>',
    )
    // No script, no inline handler: nothing the site's CSP would block, nothing that needs JavaScript.
    expect(figure).not.toMatch(/<script|\son[a-z]+=/)
  })

  it('plays an episode with the browser’s own player that loads nothing until asked, and links to its page', () => {
    const src = '/media/tenants/vestfold/media/01HZ8Q4S3V4X2YB6T7N9R0K5ME/om-sovn.mp3'
    const image = { src: '/media/tenants/vestfold/media/01HZ8Q4S3V4X2YB6T7N9R0K5MD/plakat.png', alt: 'Plakat', width: 1200, height: 800 }
    const html = render(
      <RichText
        doc={{
          type: 'doc',
          content: [
            { type: 'embed', item: { tenant: 'vestfold', type: 'podkast', id: '01HZ8Q4S3V4X2YB6T7N9R0K5MF' }, episode: 'kb-1', facts: { title: 'Om søvn', path: '/vestfold/podkast/sovn/om-sovn', durationSeconds: 1500, audio: { src, mimeType: 'audio/mpeg' } } },
            { type: 'embed', item: { tenant: 'vestfold', type: 'film', id: '01HZ8Q4S3V4X2YB6T7N9R0K5MG' }, facts: { title: 'Håndvask', path: '/vestfold/film/handvask', image } },
            // Saved before its facts were copied (never by the API): nothing rather than a broken card.
            { type: 'embed', item: { tenant: 'vestfold', type: 'film', id: '01HZ8Q4S3V4X2YB6T7N9R0K5MH' } },
          ],
        }}
      />,
    )
    expect(attributesOf(html, 'audio')).toEqual([{ controls: '', preload: 'none', src, 'aria-label': 'Om søvn' }])
    expect(html).toContain('<a href="/vestfold/podkast/sovn/om-sovn">Om søvn</a><span class="embedded-duration"> · 25 min</span>')
    // The poster repeats the title's link, so it is out of the tab order and hidden from screen readers.
    expect(attributesOf(html, 'a')[2]).toEqual({ href: '/vestfold/film/handvask', tabindex: '-1', 'aria-hidden': 'true' })
    expect(attributesOf(html, 'img')[0]).toMatchObject({ src: image.src, alt: '', width: '1200', height: '800', loading: 'lazy' })
    expect(html.match(/<figure/g)).toHaveLength(2)
  })

  it('keeps the embed’s copied facts on the stored article, not a read at render', async () => {
    const stored = await services.db.get<{ body: { content: unknown[] } }>({ PK: keys.tenantPk('innlandet'), SK: keys.publishedSk('artikler', 'med-film') })
    expect(stored?.body.content[1]).toMatchObject({ facts: { title: 'Håndvask – steg & steg', path: '/vestfold/film/handvask', durationSeconds: 95 } })
  })
})
