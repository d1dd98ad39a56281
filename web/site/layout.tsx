import type { ComponentChildren } from 'preact'
import { contentTypes } from '../../functions/content/vocabulary.ts'
import type { Catalog } from '../../functions/tenants/catalog.ts'
import type { Tenant } from '../../functions/tenants/schema.ts'
import type { AssetManifest } from '../assets.ts'
import { absoluteUrl } from './origin.ts'
import { pageViewOf } from './page-view.ts'
import { developersText } from './pages/developers-text.ts'
import { mineText } from './pages/mine-text.ts'
import { subscribePath } from '../../functions/newsletter/paths.ts'
import { paths } from './paths.ts'
import { appManifestPath } from './routes/app-manifest.ts'
import { t, typeText } from './text.ts'

/** What every page knows about the request it answers. */
export interface PageContext {
  catalog: Catalog
  edition: Tenant
  origin: string
  path: string
  assets: AssetManifest
}

export interface PageMeta {
  title: string
  description: string
  /** Path of the canonical URL; defaults to the current path. */
  canonical?: string
  /**
   * The picture link previews show: a file every scraper reads (the original as uploaded, or a WebP variant
   * at least 1200 px wide: functions/content/sharing.ts), never AVIF; its size and description let a preview
   * be laid out without fetching it.
   */
  image?: { src: string; alt: string; width?: number; height?: number }
  ogType?: 'website' | 'article' | 'video.other' | 'music.radio_station'
  jsonLd?: object
  noindex?: boolean
  /** More representations of this page, as `<link rel="alternate">` (an item's oEmbed, issue 18). */
  alternates?: Array<{ type: string; href: string; title: string }>
  /** Islands this page needs (web/islands/{name}.ts), loaded as deferred modules. */
  islands?: string[]
}

/** JSON in a script element must not be able to close it. */
const safeJson = (value: object) => JSON.stringify(value).replace(/</g, '\\u003c')

export function Document(props: { ctx: PageContext; meta: PageMeta; children: ComponentChildren }) {
  const { ctx, meta } = props
  const { edition, catalog } = ctx
  const canonical = absoluteUrl(ctx.origin, meta.canonical ?? ctx.path)
  const title = meta.title === edition.name ? meta.title : `${meta.title} – ${edition.name}`
  // Page views without cookies (issue 15): the item this page is about, counted by a ~0.3 KB beacon (web/islands/page-view.ts).
  const view = meta.noindex || !ctx.assets['page-view.js'] ? undefined : pageViewOf(edition.id, meta.canonical ?? ctx.path)
  return (
    <html lang="nb">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={canonical} />
        {meta.noindex && <meta name="robots" content="noindex" />}
        <meta name="theme-color" content={edition.colour} />
        <meta property="og:site_name" content={t.siteName} />
        <meta property="og:locale" content="nb_NO" />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        {meta.image && <meta property="og:image" content={new URL(meta.image.src, ctx.origin).href} />}
        {meta.image?.width && <meta property="og:image:width" content={String(meta.image.width)} />}
        {meta.image?.height && <meta property="og:image:height" content={String(meta.image.height)} />}
        {meta.image?.alt && <meta property="og:image:alt" content={meta.image.alt} />}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <link rel="alternate" type="application/rss+xml" title={`${edition.name} – nytt innhold`} href={`/${edition.id}/feed.xml`} />
        <link rel="alternate" type="application/atom+xml" title={`${edition.name} – nytt innhold (Atom)`} href={paths.atom(edition.id)} />
        {meta.alternates?.map((alternate) => <link rel="alternate" type={alternate.type} title={alternate.title} href={absoluteUrl(ctx.origin, alternate.href)} />)}
        {ctx.assets['site.css'] && <link rel="stylesheet" href={ctx.assets['site.css']} />}
        {ctx.assets['favicon.svg'] ? <link rel="icon" href={ctx.assets['favicon.svg']} type="image/svg+xml" /> : <link rel="icon" href="data:," />}
        <link rel="manifest" href={appManifestPath} />
        {meta.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(meta.jsonLd) }} />}
        {meta.islands?.map((island) => ctx.assets[`${island}.js`] && <script type="module" src={ctx.assets[`${island}.js`]} />)}
        {view && <meta name="kb-view" content={view} />}
        {view && <script type="module" src={ctx.assets['page-view.js']} />}
        {/* The header's search field on every page: suggestions while typing (web/islands/search-suggest.ts, ~1 KB). */}
        {ctx.assets['search-suggest.js'] && <script type="module" src={ctx.assets['search-suggest.js']} />}
        {/* The service worker that keeps what a reader saves for use without a network (issue 14): registration only, ~0.2 KB. */}
        {ctx.assets['offline-register.js'] && <script type="module" src={ctx.assets['offline-register.js']} />}
      </head>
      <body style={`--brand:${edition.colour}`}>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={paths.home(edition.id)}>
              <span class="brand-name">{t.siteName}</span>
              {!edition.national && <span class="brand-region">{edition.regionName}</span>}
            </a>
            <form class="header-search" role="search" aria-label={t.searchLabel} action={paths.search(edition.id)} method="get">
              <label for="sok" class="visually-hidden">
                {t.searchLabel}
              </label>
              <input id="sok" type="search" name="q" maxLength={200} data-suggest={edition.id} />
              <button type="submit">{t.search}</button>
            </form>
            <form class="region-picker" action={paths.chooseRegion} method="get">
              <label for="omrade">{t.chooseRegion}</label>
              <select id="omrade" name="omrade">
                {catalog.tenants.map((tenant) => (
                  <option value={tenant.id} selected={tenant.id === edition.id}>
                    {tenant.regionName}
                  </option>
                ))}
              </select>
              <button type="submit">{t.go}</button>
            </form>
          </div>
          <nav class="main-nav" aria-label={t.mainMenu}>
            <ul class="wrap">
              {contentTypes.map((type) => (
                <li>
                  <a href={paths.listing(edition.id, type)} aria-current={ctx.path.startsWith(paths.listing(edition.id, type)) ? 'page' : undefined}>
                    {typeText[type].many}
                  </a>
                </li>
              ))}
              <li>
                <a href={paths.topics(edition.id)} aria-current={ctx.path.startsWith(paths.topics(edition.id)) ? 'page' : undefined}>
                  {t.topics}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1} class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t.footerAbout}</p>
            <ul class="footer-links">
              <li>
                <a href={paths.mine}>{mineText.title}</a>
              </li>
              <li>
                <a href={subscribePath(edition.id)}>{t.newsletter}</a>
              </li>
              <li>
                <a href={paths.accessibility}>{t.accessibility}</a>
              </li>
              <li>
                <a href={paths.developers}>{developersText.footerLink}</a>
              </li>
              <li>
                <a href={`mailto:${edition.contactEmail}?subject=${encodeURIComponent('Tilgjengelighet på Kompetansebroen')}`}>{t.reportProblem}</a>
              </li>
              <li>
                <a href={`mailto:${edition.contactEmail}`}>{t.contact}</a>
              </li>
            </ul>
            <p class="muted">{t.noTracking}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
