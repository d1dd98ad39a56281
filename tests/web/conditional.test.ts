import { describe, expect, it } from 'vitest'
import { ifNoneMatchHits, weakEtagOf } from '../../web/site/conditional.ts'

describe('page validators', () => {
  it('are weak, stable for the same bytes and different for different bytes', () => {
    expect(weakEtagOf('<p>Hei</p>')).toMatch(/^W\/"[\w-]{27}"$/)
    expect(weakEtagOf('<p>Hei</p>')).toBe(weakEtagOf('<p>Hei</p>'))
    expect(weakEtagOf('<p>Hei</p>')).not.toBe(weakEtagOf('<p>Hei!</p>'))
  })

  it('match If-None-Match by weak comparison, in a list, or as *', () => {
    const etag = weakEtagOf('side')
    const opaque = etag.slice(2)
    expect(ifNoneMatchHits(etag, etag)).toBe(true)
    expect(ifNoneMatchHits(opaque, etag)).toBe(true)
    expect(ifNoneMatchHits(`"a", W/"b" ,${etag}`, etag)).toBe(true)
    expect(ifNoneMatchHits(' * ', etag)).toBe(true)
    expect(ifNoneMatchHits('"a", "b"', etag)).toBe(false)
    expect(ifNoneMatchHits(undefined, etag)).toBe(false)
    expect(ifNoneMatchHits('', etag)).toBe(false)
  })
})
