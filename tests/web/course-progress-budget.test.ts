import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { entryPoints } from '../../web/build.ts'

/** Issue 11: course progress costs readers at most 2 KB of JavaScript, and only on course pages. */
describe('course progress island', () => {
  it('is built as its own island and stays under 2 KB gzip', async () => {
    expect(entryPoints['course-progress']).toMatch(/web\/islands\/course-progress\.ts$/)
    const result = await esbuild.build({ entryPoints: [entryPoints['course-progress']!], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false })
    expect(gzipSync(result.outputFiles[0]!.contents).length).toBeLessThanOrEqual(2048)
  })
})
