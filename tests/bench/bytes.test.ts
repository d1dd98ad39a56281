import { describe, expect, it } from 'vitest'
import { pageAssets, staticImports } from '../../bench/bytes.ts'

describe('pageAssets', () => {
  it('finds stylesheets, module scripts and module preloads, not JSON-LD or icons', () => {
    const html =
      '<!doctype html><html><head><link rel="canonical" href="https://x/"/><link rel="stylesheet" href="/assets/site-AB12.css"/>' +
      '<link rel="icon" href="data:,"/><link href="/assets/chunk-P.js" rel="modulepreload"/>' +
      '<script type="application/ld+json">{"@type":"WebSite"}</script><script type="module" src="/assets/player-CD34.js"></script>' +
      '<script type="module" src="/assets/player-CD34.js"></script></head></html>'
    expect(pageAssets(html)).toEqual({ css: ['/assets/site-AB12.css'], js: ['/assets/player-CD34.js', '/assets/chunk-P.js'] })
  })

  it('finds nothing on a page without assets', () => {
    expect(pageAssets('<html><body>hei</body></html>')).toEqual({ css: [], js: [] })
  })
})

describe('staticImports', () => {
  it("resolves an esbuild chunk's static imports against its URL, and leaves dynamic imports out", () => {
    const source = 'import{a as b}from"./chunk-AAA.js";import"./chunk-BBB.js";const c=()=>import("./lazy-CCC.js");export{b};'
    expect(staticImports(source, 'http://127.0.0.1:3000/assets/player-X.js')).toEqual([
      'http://127.0.0.1:3000/assets/chunk-AAA.js',
      'http://127.0.0.1:3000/assets/chunk-BBB.js',
    ])
  })
})
