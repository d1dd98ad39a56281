/**
 * The one neutral description of Kompetansebroen's storage and edge rules.
 * The CDK stacks and the local runner both build from these objects, so a key, an index or a header can
 * never differ between AWS and a developer's machine (tests/infra pins the template against them).
 */

export type KeyAttribute = { name: string; type: 'S' | 'N' }

export interface IndexDefinition {
  name: string
  partitionKey: KeyAttribute
  sortKey: KeyAttribute
}

export interface TableDefinition {
  /** Logical id in CDK and the table name's suffix (`{prefix}-{id}`) everywhere. */
  id: string
  partitionKey: KeyAttribute
  sortKey: KeyAttribute
  indexes: IndexDefinition[]
  /** Attribute DynamoDB deletes items by (epoch seconds), if any. */
  timeToLiveAttribute?: string
  /** The table's change stream and what each record carries, if it has one. */
  stream?: 'NEW_IMAGE' | 'KEYS_ONLY' | 'NEW_AND_OLD_IMAGES' | 'OLD_IMAGE'
}

const stringKey = (name: string): KeyAttribute => ({ name, type: 'S' })

/**
 * Content, tenants, topics, revisions and media records. Every item lives under a tenant-first partition
 * key; published listings come from sparse indexes whose keys exist only on published listing entries.
 * Access patterns: docs/data-model.md.
 */
export const contentTable: TableDefinition = {
  id: 'content',
  partitionKey: stringKey('PK'),
  sortKey: stringKey('SK'),
  indexes: [
    // Listing entries per edition and type, newest first.
    { name: 'byEditionType', partitionKey: stringKey('GSI1PK'), sortKey: stringKey('GSI1SK') },
    // An edition's feed across all types, newest first.
    { name: 'byEdition', partitionKey: stringKey('GSI2PK'), sortKey: stringKey('GSI2SK') },
    // Events per edition by start time.
    { name: 'eventsByStart', partitionKey: stringKey('GSI3PK'), sortKey: stringKey('GSI3SK') },
  ],
  // Epoch seconds; set only on records meant to go by themselves (a refused upload, a day after its verdict).
  timeToLiveAttribute: 'expiresAt',
  // The CDN's outbox records reach the invalidator function through it (functions/content/invalidation-outbox.ts);
  // in AWS by an event source mapping, locally by a poller (infra/local/stream-events.ts).
  stream: 'NEW_IMAGE',
}

/** Views, plays and downloads per item per day: hot writes kept away from content. */
export const countersTable: TableDefinition = {
  id: 'counters',
  partitionKey: stringKey('PK'),
  sortKey: stringKey('SK'),
  indexes: [],
  timeToLiveAttribute: 'expiresAt',
}

export const tables = [contentTable, countersTable] as const

export const tableName = (prefix: string, table: TableDefinition) => `${prefix}-${table.id}`

export interface CorsRuleDefinition {
  allowedMethods: Array<'GET' | 'HEAD' | 'PUT' | 'POST'>
  allowedHeaders: string[]
  exposedHeaders: string[]
  maxAgeSeconds: number
}

/** Private media bucket. Browsers upload straight to it from the site's own origin only. */
export const mediaBucket = {
  id: 'media',
  cors: {
    allowedMethods: ['GET', 'HEAD', 'PUT', 'POST'],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag', 'Content-Length', 'Content-Range', 'Accept-Ranges'],
    maxAgeSeconds: 3000,
  } satisfies CorsRuleDefinition,
  abortIncompleteMultipartUploadAfterDays: 1,
  /** Every object key starts here, tenant first: `tenants/{tenant}/media/{id}/{file}`. */
  keyPrefix: 'tenants/',
  /**
   * Uploads land here (`uploads/{tenant}/{id}/{file}`), outside what CloudFront serves, until verified and
   * copied to their public key; whatever is left behind expires after this many days.
   */
  stagingKeyPrefix: 'uploads/',
  stagingExpiryDays: 1,
} as const

/** The URL prefix CloudFront serves media under; the prefix is stripped before the S3 key is looked up. */
export const mediaPathPrefix = '/media/'
export const assetsPathPrefix = '/assets/'
/**
 * The service worker (issue 14): at the root, so its scope is the whole site, from the assets' bucket (web/build.ts
 * writes it unhashed beside them). Browsers must revalidate it on every check so a new version reaches readers at
 * once, hence no-cache where the hashed assets are immutable.
 */
export const serviceWorker = { path: '/sw.js', file: 'sw.js', cacheControl: 'no-cache' } as const
export const apiPathPrefix = '/api/'
/** The editor API's own behaviour; everything else under `apiPathPrefix` goes to the public API. */
export const editorApiPathPrefix = '/api/editor/'
/**
 * The exams function's behaviours, CloudFront path patterns (`*` any characters, `/` included), placed before
 * `apiPathPrefix`'s: every reader form post about exams (start, answers, kursbevis) goes there, so the public API
 * stays read-only and carries neither their writes nor the PDF code (functions/exams-api.ts). The page-view beacon
 * (`/api/v1/views`, issue 15) is the other reader write that only counts, so it goes there too.
 */
export const examsPathPatterns = ['/api/v1/exams/*', '/api/v1/attempts/*', '/api/v1/views'] as const
/**
 * The viewer's address as the edge saw the connection: CloudFront's viewer-request function on the Lambda behaviours
 * sets it from `event.viewer.ip` (infra/stacks/edge-functions.ts), the local router from the socket, both over
 * whatever the viewer sent. The functions' rate limits count by it (functions/shared/rate-limit.ts, issue 15).
 */
export const viewerAddressHeader = 'x-viewer-address'

/**
 * The search function's behaviours (functions/search-app.ts), placed before `apiPathPrefix`'s and the default: the
 * search API and the reader's search pages, national `/sok` and per edition `/{edition}/sok`. CloudFront's `*` crosses
 * `/`, so the edition pattern would also take an item whose slug is `sok` (`/{tenant}/{type}/sok`); the search
 * function answers such a path 404. Patterns ignore the query string (`/sok?q=demens` matches `/sok`).
 */
export const searchPathPatterns = ['/api/v1/search*', '/sok', '/*/sok'] as const

/**
 * The events function's behaviours (functions/events-app.ts, issue 13), placed before the default: an event's
 * built-in sign-up page, its form post and receipt (`/{tenant}/arrangementer/{slug}/pamelding…`), and the cancel link
 * from every sign-up e-mail (`/avmelding/{token}`). Every method, as readers' forms post to them. The newsletter's
 * reader pages (issue 14: `/{tenant}/nyhetsbrev`, its confirmation, preferences and one-click unsubscribe links) are
 * the same function's. As with search's `/*\/sok`, `*` crosses `/`, so an item whose slug is `nyhetsbrev` would land
 * there too and get 404; nothing starting `nyhetsbrev-` does, as the patterns end at the segment.
 */
export const eventsPathPatterns = ['/*/arrangementer/*/pamelding*', '/avmelding/*', '/*/nyhetsbrev', '/*/nyhetsbrev/*'] as const

/**
 * The calendars' behaviours (issue 13), also the events function's, placed before the default: the national and each
 * edition's calendar to subscribe to (`?tema=` is in the cache key, as for pages) and one event's file. GET and HEAD,
 * cached like pages; the `ics` writer stays out of the site's bundle this way.
 */
export const eventCalendarPathPatterns = ['/arrangementer.ics', '/*/arrangementer.ics', '/*/arrangementer/*.ics'] as const

/**
 * Embeddable pages (issue 18): an item's card and an edition's latest items, for municipal intranets and schools'
 * learning platforms to frame (functions/embeds/, web/site/routes/embeds.tsx). The site function's, behind a
 * CloudFront behaviour of their own whose headers policy is the only one that lets another origin frame a page.
 */
export const embedPathPrefix = '/innebygd/'

/** Whether `path` matches a CloudFront path pattern: `*` is any run of characters, `?` exactly one, case counts. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(path)
}

/** Other origins the site's pages may reach, beside their own. */
export interface SiteOrigins {
  /**
   * What the editor workspace talks to: the media bucket's endpoint (presigned uploads) and, in AWS, Cognito's
   * hosted sign-in (the PKCE token exchange).
   */
  connect?: string[]
  /** The SCORM origin, whose player a SCORM course's page frames (exactly that origin, nothing wider). */
  scorm?: string
}

/**
 * Security headers CloudFront's response-headers policy adds to every response; the local router adds the
 * same. Styles and scripts are first-party only; media may come from our own origin and blob: (players).
 */
export function contentSecurityPolicyFor(origins: SiteOrigins = {}): string {
  const connect = origins.connect ?? []
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Style attributes carry each region's brand colour; they cannot run script or select other elements.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self' blob:",
    ["connect-src 'self'", ...connect].join(' '),
    "font-src 'self'",
    // Films only after the reader clicks "show the film here" (web/islands/external-video.ts), never on load;
    // the SCORM player on its own origin, on a SCORM course's page.
    ['frame-src https://www.youtube-nocookie.com https://player.vimeo.com', ...(origins.scorm ? [origins.scorm] : [])].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export const securityHeaders = {
  strictTransportSecurity: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true },
  referrerPolicy: 'strict-origin-when-cross-origin',
  frameOptions: 'DENY',
} as const

/** The same policy as plain HTTP header lines, for the local router and tests. */
export function securityHeaderLines(origins: SiteOrigins = {}): Record<string, string> {
  const hsts = securityHeaders.strictTransportSecurity
  return {
    'strict-transport-security': `max-age=${hsts.maxAgeSeconds}; includeSubDomains; preload`,
    'content-security-policy': contentSecurityPolicyFor(origins),
    'referrer-policy': securityHeaders.referrerPolicy,
    'x-frame-options': securityHeaders.frameOptions,
    'x-content-type-options': 'nosniff',
  }
}

/**
 * The embeds' policy: any origin may frame them (`frame-ancestors *`, no X-Frame-Options), so they run nothing
 * (no script, no form, no fetch) and load only our stylesheet and pictures. The edition's colour is a style attribute.
 */
export function embedContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ')
}

/** The embeds' headers as HTTP lines, for the local router and tests: the site's, but framing allowed. */
export function embedSecurityHeaderLines(): Record<string, string> {
  const { 'x-frame-options': _denied, ...site } = securityHeaderLines()
  return { ...site, 'content-security-policy': embedContentSecurityPolicy() }
}

/**
 * SCORM packages are third parties' HTML and script, so they never run on the site's origin (where they could
 * read readers' localStorage or call our APIs with the reader's cookies). A second origin serves only the
 * packages' unpacked files from the media bucket (`/tenants/{tenant}/media/{id}/scorm/…`, the key itself) and
 * the player that hosts them (`/assets/scorm-player-…`, from the assets bucket): a second CloudFront
 * distribution in AWS (infra/stacks/scorm-cdn.ts), a second loopback port locally (infra/local/scorm-router.ts),
 * both with the headers below.
 */
export const scormOrigin = {
  /** The player's pages and scripts, a CloudFront path pattern on the SCORM origin (web/scorm/). */
  playerPathPattern: '/assets/scorm-player-*',
} as const

/**
 * The packages' policy: authoring tools (Storyline, Rise, Captivate) inline scripts and styles and build code
 * with eval, so those are allowed, but only from this origin; nothing may be fetched from or posted to any other
 * (`connect-src 'self'`, `form-action 'none'`), and only the site (and the player, on this origin) may frame it.
 */
export function scormContentSecurityPolicy(siteOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors 'self' ${siteOrigin}`,
  ].join('; ')
}

/**
 * The SCORM origin's headers as HTTP lines, for the local router and tests. No X-Frame-Options: the site frames
 * it, which `frame-ancestors` allows and DENY would forbid. No referrer leaves it.
 */
export function scormSecurityHeaderLines(siteOrigin: string): Record<string, string> {
  const hsts = securityHeaders.strictTransportSecurity
  return {
    'strict-transport-security': `max-age=${hsts.maxAgeSeconds}; includeSubDomains; preload`,
    'content-security-policy': scormContentSecurityPolicy(siteOrigin),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  }
}

/** Cache lifetimes the CDN applies per path kind (seconds). */
export const cacheSeconds = {
  /** Hashed file names: cached for a year, never revalidated. */
  assets: 31536000,
  /** Media keys are unique per upload, so they never change in place either. */
  media: 31536000,
  /** Reader pages: short shared cache, served stale while CloudFront refreshes. */
  pageSharedMaxAge: 60,
  pageStaleWhileRevalidate: 600,
} as const

/**
 * The editorial teams the platform starts with. Cognito gets an `editor:{id}` group for each, and the local
 * seed creates them; admins add more later. `nasjonal` is the central secretariat's national edition.
 */
export const initialTenantIds = ['nasjonal', 'akershus', 'innlandet', 'vestfold', 'ostfold'] as const

/** Cognito group names. */
export const adminGroup = 'admin'
export const editorGroup = (tenant: string) => `editor:${tenant}`
