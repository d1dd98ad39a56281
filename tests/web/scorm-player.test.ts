import * as esbuild from 'esbuild'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { entryPoints } from '../../web/build.ts'
import { launchParams, scorePercent, versions, type ScormRuntime } from '../../web/scorm/player.ts'

const origin = 'http://127.0.0.1:3001'
const src = '/tenants/ostfold/media/0000000000A5QZ4VPAFRB75PC9/scorm/index.html'
const fragment = (params: Record<string, string>) => `#${new URLSearchParams({ src, parent: 'http://127.0.0.1:3000', key: '0000000000A5QZ4VPAFRB75PC9', title: 'Kurs', ...params })}`

const gzipped = async (entry: string) => {
  const result = await esbuild.build({ entryPoints: [entryPoints[entry]!], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false })
  return gzipSync(result.outputFiles[0]!.contents).length
}

/** The player (web/scorm/player.ts) plays only a package's own page on its own origin, and reads scores as SCORM defines them. */
describe('SCORM player', () => {
  it('takes a package page on its own origin and a plain parent origin, nothing else', () => {
    expect(launchParams(fragment({}), origin)).toEqual({ src, parent: 'http://127.0.0.1:3000', key: '0000000000A5QZ4VPAFRB75PC9', title: 'Kurs' })
    for (const bad of ['//evil.example/tenants/x/media/0000000000A5QZ4VPAFRB75PC9/scorm/a.html', 'https://evil.example/a.html', 'javascript:alert(1)', '/assets/site.css', '/tenants/x/media/0000000000A5QZ4VPAFRB75PC9/pakke.zip'])
      expect(launchParams(fragment({ src: bad }), origin), bad).toBeUndefined()
    for (const parent of ['javascript:alert(1)', 'http://127.0.0.1:3000/side', '*']) expect(launchParams(fragment({ parent }), origin), parent).toBeUndefined()
  })

  it('reads the score as a percentage: raw within min–max, or 2004’s scaled score first', () => {
    const runtime = (values: Record<string, string>): ScormRuntime => ({ on: () => {}, loadFromJSON: () => {}, getCMIValue: (element) => values[element] ?? '' })
    expect(scorePercent(runtime({ 'cmi.core.score.raw': '8', 'cmi.core.score.max': '10', 'cmi.core.score.min': '0' }), versions['1.2'])).toBe(80)
    expect(scorePercent(runtime({ 'cmi.core.score.raw': '90' }), versions['1.2'])).toBe(90)
    expect(scorePercent(runtime({}), versions['1.2'])).toBeUndefined()
    expect(scorePercent(runtime({ 'cmi.score.scaled': '0.85', 'cmi.score.raw': '1' }), versions['2004'])).toBe(85)
  })

  it('costs a SCORM course’s page at most 1.5 KB of island, and its player stays within its runtime’s size', async () => {
    expect(await gzipped('scorm')).toBeLessThanOrEqual(1536)
    // scorm-again's runtime is most of it; the SCORM origin alone loads these, never the reader site.
    expect(await gzipped('scorm-player-12')).toBeLessThanOrEqual(22 * 1024)
    expect(await gzipped('scorm-player-2004')).toBeLessThanOrEqual(85 * 1024)
  })
})
