import fc from 'fast-check'

/**
 * Requests a prober or a broken client sends, built from an app's own route table so every route is reached:
 * each `:param` and `*` filled with a known-good value or something hostile (encoded slashes and dots, NUL,
 * invalid UTF-8, very long segments, unicode, prototype names), random query strings, methods, headers and
 * bodies (valid-looking objects with a field broken, garbage, wrong types, huge strings, `__proto__` keys).
 */
export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface RouteLike {
  method: string
  path: string
}

const hostileSegments = [
  '..', '.', '%2e%2e', '%2E%2E%2F%2E%2E', '%2F', '%2F%2Fevil.example', '%5C%5Cevil.example', '%00', '%FF', '%C0%AF', '%E2%82', '%', '%%41',
  'ø', '%C3%B8', '%F0%9F%98%80', '%E2%80%AE', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '%20',
  '-1', '0', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}', '%7B%7D', "'", '%22', '%3Cscript%3E', 'a;b', 'a,b', '~', '@',
]

/** Code points, surrogate pairs intact, so encodeURIComponent never throws. */
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength })

export const segment = (known: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileSegments) },
    { weight: 2, arbitrary: text(30).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.integer({ min: 300, max: 8_000 }).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) },
  )

const tails = ['', '', '', '', '', '', '', '', '/', '//', '/extra', '/%2F..']

/**
 * A route's path with its parameters filled, now and then with an extra slash or segment. A parameter named in
 * `params` mostly gets one of its own good values (dice < 7), so deep routes are reached past their lookups.
 */
function fill(pattern: string, values: string[], dice: number[], params: Record<string, string[]>, tail: string) {
  let n = 0
  const filled = pattern.replace(/:(\w+)(\{[^}]*\})?\??|\*/g, (_match, name?: string) => {
    const own = name ? params[name] : undefined
    const roll = dice[n % dice.length]!
    const value = own && roll < 7 ? own[roll % own.length]! : values[n % values.length]!
    n++
    return value
  })
  return `${filled}${tail}`.replace(/^\/?/, '/')
}

const queryValue = fc.oneof(fc.constantFrom('1', '-1', '0', '99999999999999999999', 'abc', '%FF', '%00', '', 'alt', 'demens', '2026-13-45', '__proto__'), text(20).map(encodeURIComponent))
const queryName = fc.constantFrom('limit', 'cursor', 'tema', 'malgruppe', 'type', 'fra', 'til', 'q', 'page', 'url', 'format', 'maxwidth', 'from', 'to', 'tenant', '__proto__', 'constructor', 'a[]', 'x')

export const query = fc
  .array(fc.tuple(queryName, queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`))

// Header values must be ByteStrings without line breaks, or Request refuses them before the app sees anything.
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 })
const contentTypes = ['application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', 'application/xml', 'garbage/!!', '']

export function headers(authorizations: string[]) {
  const others = fc.record(
    {
      'content-type': fc.constantFrom(...contentTypes),
      accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'application/rss+xml'), headerText),
      'if-none-match': fc.oneof(fc.constant('*'), headerText),
      range: fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=9-1', 'bytes=x', 'lines=1-2'),
      'x-forwarded-for': fc.constantFrom('203.0.113.7', '::1', 'garbage', '1.2.3.4, 5.6.7.8'),
      'cloudfront-viewer-address': fc.constantFrom('203.0.113.7:443', '[2001:db8::1]:443', 'x'),
      origin: fc.constantFrom('http://127.0.0.1:3000', 'https://evil.example', 'null'),
      'x-hostile': headerText,
    },
    { requiredKeys: [] },
  )
  // Mostly the caller's own credentials, so signed-in routes are reached; now and then garbage.
  const authorization = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...authorizations) }, { weight: 1, arbitrary: headerText.map((value) => `Bearer ${value}`) }, { weight: 1, arbitrary: headerText })
  return fc.tuple(others, authorization).map(([rest, auth]) => (auth ? { ...rest, authorization: auth } : rest))
}

/** Values that are the wrong type, the wrong size or the wrong shape wherever they land. */
const garbageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', ' ', '__proto__', [], {}, '\u0000', '<script>alert(1)</script>', '2026-02-30T25:61:00Z'),
  text(40),
  fc.integer({ min: 10_000, max: 600_000 }).map((n) => 'å'.repeat(n)),
  fc.array(text(10), { maxLength: 5 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
)

const pollution = fc.constantFrom('__proto__', 'constructor', 'prototype')

/** A valid-looking body with one field broken, added or polluted; or plain garbage. */
export function jsonBody(templates: Array<Record<string, unknown>>) {
  const broken = fc.tuple(fc.constantFrom(...templates), fc.oneof(fc.constantFrom(...templates.flatMap((t) => Object.keys(t))), pollution, text(10)), garbageValue).map(([template, key, value]) => {
    // JSON.stringify drops an own __proto__ set by assignment; written into the text, it reaches the server's parser.
    if (key === '__proto__') return `${JSON.stringify(template).slice(0, -1)}${Object.keys(template).length ? ',' : ''}"__proto__":{"isAdmin":true,"polluted":1}}`
    return JSON.stringify({ ...template, [key]: value })
  })
  return fc.oneof(
    { weight: 4, arbitrary: broken },
    { weight: 1, arbitrary: fc.constantFrom(...templates).map((template) => JSON.stringify(template)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '[', 'null', '"x"', '{"a":', '\u0000', '{"constructor":{"prototype":{"polluted":1}}}') },
  )
}

/** A form post: known fields with good or garbage values, repeated fields, unknown and polluting names. */
export function formBody(fields: Record<string, string[]>) {
  const names = Object.keys(fields)
  const value = (name: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(fields[name] ?? [''])) },
      { weight: 3, arbitrary: text(40) },
      { weight: 1, arbitrary: fc.integer({ min: 500, max: 40_000 }).map((n) => 'ø'.repeat(n)) },
    )
  const pair = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...names).chain((name) => value(name).map((v) => [name, v] as const)) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(pollution, text(10), fc.constantFrom('topics[]', 'a[b]', 'email[]')), text(20)) },
  )
  // Mostly every known field once, so valid posts happen, plus extra pairs.
  const complete = fc.tuple(...names.map((name) => value(name).map((v) => [name, v] as const)))
  const mixed = fc.tuple(complete, fc.array(pair, { maxLength: 4 }), fc.boolean()).map(([known, extra, keep]) =>
    new URLSearchParams([...(keep ? known : known.slice(1)), ...extra].map(([name, v]) => [name, v] as [string, string])).toString(),
  )
  // Now and then the form exactly as a reader fills it in (each field's first value), so allowed writes happen too.
  const valid = fc.constant(new URLSearchParams(names.map((name) => [name, fields[name]![0]!] as [string, string])).toString())
  return fc.oneof({ weight: 3, arbitrary: mixed }, { weight: 1, arbitrary: valid })
}

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']

/** Requests for an app: its routes' paths (the route's own method most of the time), a query, headers and a body. */
export function requests(options: { routes: RouteLike[]; known: string[]; params?: Record<string, string[]>; contentType?: string; authorizations: string[]; body: fc.Arbitrary<string> }): fc.Arbitrary<FuzzRequest> {
  const routes = options.routes.filter((route) => route.method !== 'ALL' || /[:*]/.test(route.path))
  return fc
    .tuple(fc.constantFrom(...routes), fc.array(segment(options.known), { minLength: 6, maxLength: 6 }), fc.array(fc.nat(9), { minLength: 6, maxLength: 6 }), fc.constantFrom(...tails), query, headers(options.authorizations), options.body, fc.constantFrom(...methods), fc.nat(9))
    .map(([route, values, rolls, tail, q, h, body, other, dice]) => {
      // Mostly the route's own method, so most requests reach its handler; now and then any other.
      const method = dice < 7 && route.method !== 'ALL' ? route.method : other
      const withBody = method !== 'GET' && method !== 'HEAD'
      // The body's own type most of the time, so forms and JSON get parsed rather than refused at the door.
      const typed = options.contentType && rolls[5]! < 7 ? { ...h, 'content-type': options.contentType } : h
      return { method, path: `${fill(route.path, values, rolls, options.params ?? {}, tail)}${q}`, headers: typed, body: withBody ? body : undefined }
    })
}
