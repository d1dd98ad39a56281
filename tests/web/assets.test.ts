import { describe, expect, it } from 'vitest'
import { parseAssetManifest } from '../../web/assets.ts'

describe('the asset manifest a function is deployed with', () => {
  it('maps names to hashed paths under /assets/', () => {
    expect(parseAssetManifest('{"site.css":"/assets/site-5HX2.css","player.js":"/assets/player-Q1.js"}')).toEqual({
      'site.css': '/assets/site-5HX2.css',
      'player.js': '/assets/player-Q1.js',
    })
    expect(parseAssetManifest('{}')).toEqual({})
  })

  it('stops the function at init with the reason when the deployment gave it something else', () => {
    expect(() => parseAssetManifest('["/assets/a.css"]')).toThrow('ASSETS must be a JSON object')
    expect(() => parseAssetManifest('null')).toThrow('ASSETS must be a JSON object')
    expect(() => parseAssetManifest('{"site.css":"https://cdn.example/site.css"}')).toThrow('ASSETS: site.css must map to a path under /assets/')
    expect(() => parseAssetManifest('{"site.css":42}')).toThrow('ASSETS: site.css must map to a path under /assets/')
    expect(() => parseAssetManifest('{')).toThrow(SyntaxError)
  })
})
