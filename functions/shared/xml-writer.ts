/**
 * XML for feeds and sitemaps from plain objects: `@_name` keys are attributes, `#text` is text, every other key
 * a child element (an array repeats it), `undefined` leaves it out. Written here instead of fast-xml-parser's
 * builder (22 KB of the site function's bundle, read at every cold start) because writing is the easy half
 * of XML: element names come from our code, and all text and attribute values pass through the two escapes
 * below. Well-formedness over hostile text is proven by parsing the output (tests/web/feeds.test.ts).
 */
export type XmlValue = string | number | boolean | undefined | XmlElement | XmlValue[]
export interface XmlElement {
  [name: string]: XmlValue
}

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
// Quotes end the value; a literal tab or line break in an attribute would be read back as a space (XML 1.0 §3.3.3).
const attributeEscapes: Record<string, string> = { ...textEscapes, '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' }
const escapeText = (value: string) => value.replace(/[&<>]/g, (char) => textEscapes[char]!)
const escapeAttribute = (value: string) => value.replace(/[&<>"\t\n\r]/g, (char) => attributeEscapes[char]!)

const isElement = (value: XmlValue): value is XmlElement => typeof value === 'object' && !Array.isArray(value)

function element(name: string, value: XmlValue, indent: string, out: string[]) {
  if (value === undefined) return
  if (Array.isArray(value)) {
    for (const each of value) element(name, each, indent, out)
    return
  }
  if (!isElement(value)) {
    const text = String(value)
    out.push(text === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escapeText(text)}</${name}>`)
    return
  }
  let attributes = ''
  const children: Array<[string, XmlValue]> = []
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || key === '#text') continue
    if (key.startsWith('@_')) attributes += ` ${key.slice(2)}="${escapeAttribute(String(child))}"`
    else children.push([key, child])
  }
  const text = value['#text'] === undefined ? '' : escapeText(String(value['#text']))
  if (children.length === 0) {
    out.push(text === '' ? `${indent}<${name}${attributes}/>` : `${indent}<${name}${attributes}>${text}</${name}>`)
    return
  }
  out.push(`${indent}<${name}${attributes}>${text}`)
  for (const [key, child] of children) element(key, child, `${indent}  `, out)
  out.push(`${indent}</${name}>`)
}

/** An XML document with its declaration, one element a line, indented by two spaces. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  for (const [name, value] of Object.entries(root)) element(name, value, '', out)
  return `${out.join('\n')}\n`
}
