import { Hono } from 'hono/tiny'
import type { ReaderServices } from '../../../functions/reader-services.ts'
import { cacheSeconds } from '../../../infra/definitions.ts'
import type { AssetManifest } from '../../assets.ts'
import { appIconSizes } from '../../icons/sizes.ts'
import { sendWithValidator } from '../conditional.ts'
import { t } from '../text.ts'

export const appManifestPath = '/manifest.webmanifest'

/**
 * The web app manifest (issue 14): with the service worker it makes the site installable, and an installed
 * Kompetansebroen opens on the front page (offline, the worker answers with /mine, where saved content is listed).
 * The theme is the national edition's colour; the icons are the brand's, drawn by web/icons/draw.ts.
 */
export function appManifestRoutes(services: ReaderServices, assets: () => AssetManifest) {
  const app = new Hono()
  app.get(appManifestPath, async (c) => {
    const national = (await services.catalog.get()).nationalTenant
    const manifest = {
      id: '/',
      name: t.siteName,
      short_name: t.siteName,
      description: t.footerAbout,
      lang: 'nb',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: national?.colour ?? '#00509e',
      background_color: '#ffffff',
      icons: appIconSizes.flatMap((size) => {
        const src = assets()[`icon-${size}.png`]
        // The bridge sits inside the central 80 %, so the same picture serves as a maskable icon.
        return src ? (['any', 'maskable'] as const).map((purpose) => ({ src, sizes: `${size}x${size}`, type: 'image/png', purpose })) : []
      }),
    }
    return sendWithValidator(c, JSON.stringify(manifest), 200, {
      'content-type': 'application/manifest+json; charset=utf-8',
      'cache-control': `public, max-age=${cacheSeconds.pageSharedMaxAge * 60}, s-maxage=${cacheSeconds.pageSharedMaxAge * 5}, stale-while-revalidate=${cacheSeconds.pageStaleWhileRevalidate}`,
    })
  })
  return app
}
