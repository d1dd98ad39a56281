import type { S3Client } from '@aws-sdk/client-s3'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { scormKeyOf } from '../../functions/media/paths.ts'
import { matchesPathPattern, scormOrigin, scormSecurityHeaderLines } from '../definitions.ts'
import { serveAsset, serveObject } from './router.ts'

export interface ScormRouterOptions {
  s3: S3Client
  mediaBucket: string
  assetsDir: string
  /** The site's origin: the only one (beside this one) allowed to frame what is served here. */
  siteOrigin: string
}

/**
 * The SCORM origin on its own loopback port, as the second distribution (infra/stacks/scorm-cdn.ts) serves it:
 * the player's files from the build folder, a package's unpacked files from the media bucket by their key,
 * GET and HEAD only, 404 for everything else, every answer with the packages' headers (infra/definitions.ts).
 */
export function createScormRouter(options: ScormRouterOptions) {
  const router = new Hono()
  const headers = scormSecurityHeaderLines(options.siteOrigin)
  router.use(async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  })
  // The player is compressed as CloudFront compresses it; a package's files pass untouched, so ranges stay exact.
  router.on(['GET', 'HEAD'], '/assets/*', compress(), async (c): Promise<Response> =>
    matchesPathPattern(scormOrigin.playerPathPattern, c.req.path) ? serveAsset(c, options.assetsDir) : c.text('Not found', 404),
  )
  router.on(['GET', 'HEAD'], '*', async (c): Promise<Response> => {
    const key = scormKeyOf(new URL(c.req.url).pathname)
    return key ? serveObject(c, options, key) : c.text('Not found', 404)
  })
  router.all('*', (c) => c.text('Method not allowed', 405))
  return router
}
