import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcesOf, synthesize, type Synthesized } from './synth.ts'

/**
 * Lambda bundle budgets: index.mjs as esbuild writes it for CDK (what is uploaded and what Node parses on
 * a cold start, so init time follows it). The performance issue's target is 300 KB per function; the
 * bundles are above it (api 1,225 KB, site 599 KB on 23 Nov 2026, after the Lambda bundles dropped the SDK's
 * credential chain for the environment provider). Most of it is the AWS SDK itself, bundled on purpose:
 * `npm run bench` and the README's Performance section show the alternative measured. Each bundle is held to
 * a ceiling about 5 % above its size then: growth fails here, and whoever shrinks a bundle lowers its ceiling.
 */
const TARGET = 300 * 1024
const CEILING: Record<string, number> = {
  api: 1_290 * 1024,
  site: 630 * 1024,
}

const shortName = (logicalId: string) => (logicalId.match(/^Functions(\w+?)Function/)?.[1] ?? logicalId).toLowerCase()

describe('Lambda bundle budgets', () => {
  let synth: Synthesized
  let bundles: Array<{ name: string; raw: number; gzip: number }>
  beforeAll(async () => {
    synth = await synthesize({ bundle: true })
    bundles = resourcesOf(synth.templates.web, 'AWS::Lambda::Function')
      .filter(([, fn]) => String(fn.Properties.Runtime).startsWith('nodejs'))
      .map(([logicalId, fn]) => {
        const code = readFileSync(join(synth.outdir, fn.Metadata['aws:asset:path'], 'index.mjs'))
        return { name: shortName(logicalId), raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
      })
  }, 180_000)
  afterAll(() => synth?.cleanup())

  it('has a budget for every Node.js function', () => {
    expect(bundles.map((bundle) => bundle.name).sort()).toEqual(Object.keys(CEILING).sort())
  })

  it('keeps every bundle under its ceiling', () => {
    for (const bundle of bundles) {
      console.info(`${bundle.name}: ${bundle.raw} bytes (${bundle.gzip} gzip), ceiling ${CEILING[bundle.name]}, target ${TARGET}`)
      expect(bundle.raw, `${bundle.name} index.mjs is ${bundle.raw} bytes (${bundle.gzip} gzip)`).toBeLessThanOrEqual(CEILING[bundle.name]!)
    }
  })

})
