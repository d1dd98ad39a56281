import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { entryPoints } from '../../web/build.ts'

/**
 * Issue 15: the page-view beacon loads on every item page, so it must cost next to nothing: at most 0.5 KB gzip.
 * tests/web/budgets.test.ts counts it with the rest of the reader JavaScript every page may load.
 */
describe('page-view beacon island', () => {
  it('is built as its own island, under 0.5 KB gzip, and reads neither cookies nor storage', async () => {
    expect(entryPoints['page-view']).toMatch(/web\/islands\/page-view\.ts$/)
    const result = await esbuild.build({ entryPoints: [entryPoints['page-view']!], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false })
    const code = result.outputFiles[0]!.text
    expect(gzipSync(code).length).toBeLessThanOrEqual(512)
    expect(code).not.toMatch(/cookie|localStorage|sessionStorage|indexedDB|userAgent|screen\.|canvas/i)
    expect(code).toContain('sendBeacon')
  })
})
