import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { entryPoints } from '../../web/build.ts'
import { serviceWorkerBuild } from '../../web/sw/build.ts'

const gzipOf = (result: esbuild.BuildResult & { outputFiles: esbuild.OutputFile[] }) => gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length

/**
 * Issue 14: favourites and offline reading cost readers little, and only where they are used. The registration and
 * the favourite button load on every reader page or every item page; the save buttons only on articles, episodes and
 * courses; the lists only on /mine. The service worker runs beside the pages, but every reader with it downloads it.
 */
describe('favourites and offline islands', () => {
  it.each([
    ['offline-register', 200],
    ['favourites-button', 1024],
    ['offline-save', 2.5 * 1024],
    ['favourites-page', 3 * 1024],
    ['offline-saved', 2 * 1024],
  ])('builds %s as its own island, at most %i bytes gzip', async (name, budget) => {
    expect(entryPoints[name]).toMatch(new RegExp(`web/islands/${name}\\.ts$`))
    const result = await esbuild.build({ entryPoints: [entryPoints[name]!], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false })
    expect(gzipOf(result)).toBeLessThanOrEqual(budget)
  })

  it('keeps the service worker, Workbox included, at most 6 KB gzip', async () => {
    const result = await esbuild.build({ ...serviceWorkerBuild('/tmp'), write: false })
    expect(result.outputFiles.map((file) => file.path)).toEqual(['/tmp/sw.js'])
    expect(gzipOf(result)).toBeLessThanOrEqual(6 * 1024)
  })
})
