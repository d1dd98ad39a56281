import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

/** What CDK's bundling puts first in every function (infra/stacks: `esmRequireBanner`). */
const esmRequireBanner = "import { createRequire as __kbCreateRequire } from 'node:module'; const require = __kbCreateRequire(import.meta.url);"

const codecs = fileURLToPath(new URL('../../../functions/media/codecs.ts', import.meta.url))
const png = fileURLToPath(new URL('../../../infra/local/seed/png.ts', import.meta.url))

/**
 * The codecs as a Lambda gets them: bundled by esbuild the way CDK bundles every function (ESM, node24,
 * the require banner), then run by Node from an empty folder, where no node_modules and no .wasm file
 * exist: every codec must have travelled inside the one index.mjs.
 */
describe('the WASM codecs in a Lambda-style bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-codecs-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('decodes, resizes and encodes WebP and AVIF with nothing beside index.mjs', async () => {
    const script = `
      import { decode, encode, resizeTo } from ${JSON.stringify(codecs)}
      import { encodePng } from ${JSON.stringify(png)}
      const rgb = new Uint8Array(400 * 200 * 3).map((_, i) => i % 251)
      const pixels = await decode(encodePng(400, 200, rgb), 'image/png')
      const small = await resizeTo(pixels, 100, 50)
      const webp = await encode(small, 'webp')
      const avif = await encode(small, 'avif')
      const back = await decode(webp, 'image/webp')
      console.log(JSON.stringify({ webp: [...webp.subarray(8, 12)], avif: [...avif.subarray(4, 12)], size: [back.width, back.height] }))`
    await build({
      stdin: { contents: script, resolveDir: dir, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      mainFields: ['module', 'main'],
      minify: true,
      banner: { js: esmRequireBanner },
      outfile: join(dir, 'index.mjs'),
      logLevel: 'error',
    })
    expect(readdirSync(dir)).toEqual(['index.mjs'])
    const { stdout } = await promisify(execFile)(process.execPath, ['index.mjs'], { cwd: dir })
    const result = JSON.parse(stdout) as { webp: number[]; avif: number[]; size: number[] }
    expect(String.fromCharCode(...result.webp)).toBe('WEBP')
    expect(String.fromCharCode(...result.avif)).toBe('ftypavif')
    expect(result.size).toEqual([100, 50])
  })
})
