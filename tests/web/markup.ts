/**
 * Just enough HTML reading for the picture tests: Preact renders attributes as `name="value"` with `&quot;`
 * and `&amp;` escaped, and void elements as `<img …/>`, so a pattern reads them exactly.
 */
const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** The attributes of every `<tag …>` in `html`, in document order. */
export function attributesOf(html: string, tag: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?/?>`, 'g'))].map(([, attributes = '']) =>
    Object.fromEntries([...attributes.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value = '']) => [name!, unescape(value)])),
  )
}

/** Every `<picture>`: its sources and its fallback image. */
export function picturesIn(html: string) {
  return [...html.matchAll(/<picture>(.*?)<\/picture>/g)].map(([, inner]) => ({ sources: attributesOf(inner!, 'source'), img: attributesOf(inner!, 'img')[0]! }))
}
