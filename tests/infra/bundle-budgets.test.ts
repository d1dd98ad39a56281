import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcesOf, synthesize, type Synthesized } from './synth.ts'

/**
 * Lambda bundle budgets: index.mjs as esbuild writes it for CDK (what is uploaded and what Node parses on
 * a cold start, so init time follows it). Issue 16 splits the functions by who waits: readers wait on the site
 * and the public API (target 250 KB each), editors on the editor API (600 KB), the reader taking an exam on the
 * exams function, nobody on the scheduler, the media worker and the invalidator (no target; held where they are). The SDK is bundled
 * on purpose: `npm run bench` measures the alternative beside each bundle. Each ceiling sits a little above the size
 * measured when it was set: growth fails here, and whoever shrinks a bundle lowers its ceiling. Where a ceiling is
 * above its target, the README's Performance section says by how much and why.
 */
const TARGET: Record<string, number> = {
  site: 250 * 1024,
  'public-api': 250 * 1024,
  'editor-api': 600 * 1024,
}
// Measured on 1 Dec 2026 after the split: site 302 KB, public API 249 KB (zod-free validation; ~150 KB of it is
// the SDK's DynamoDB client, as in the site), editor API 979 KB, scheduler 585 KB, media worker 6,571 KB (its
// image codecs). Issue 11's kursbevis PDF (pdf-lib with its standard-font metrics, pako and qrcode, ~460 KB) has a
// function of its own, exams, with every exam form post, so the public API is read-only and carries none of it.
// Later the same day CDN invalidation left the editor API and the scheduler for an invalidator function on the content
// table's stream (the CloudFront and SSM clients, ~222 KB, now only in the invalidator, without SSM), and the bundles
// without S3 left out the SDK's event-stream codec (~22 KB, `omitEventStreams` in infra/stacks/app-lambda.ts).
// Measured then: site 309 KB, public API 229 KB, exams 685 KB, search 404 KB, editor API 1,018 KB (SCORM's unzip
// and mime-db and course statistics joined it meanwhile), scheduler 326 KB, media worker 6,821 KB, invalidator 279 KB.
// Then SCORM courses' reader pages (the player's frame, the pass, the result with the kursbevis form: ~6 KB) joined
// the site: 317 KB. Issue 13's calendars added ~4.4 KB to it (the events listing by month with its calendar to
// subscribe to, the event page's calendar link, status and recording, the Event's JSON-LD with offers and Oslo
// offsets); the `.ics` writer itself is in the events function. Issue 14's favourites and offline reading added ~8 KB
// (esbuild's count of the inputs): /mine and its bokmål wording for the islands (~5 KB), the item pages' buttons, the
// web app manifest and the privacy paragraph; the islands and the service worker are browser assets, not in it.
// Issue 14's newsletter footer link and issue 15's page-view meta tag and statistics wording: 343 KB measured on 1 Dec.
// Issue 18's embeds: +23 KB to the site (the embed pages ~4.5 KB, zod's mini build 19 KB for their query parameters)
// and +22 KB to the public API (oEmbed ~3.5 KB and the same 19 KB), measured by esbuild's metafile on 2 Dec 2026; the
// ceilings rise by exactly that. Hand checks would save the 19 KB in each.
// Issue 18's OpenAPI document: +7.8 KB to the public API (263,114 → 271,057 bytes measured here on 2 Dec 2026): the
// document and its /api/docs page, generated at build time and stored brotli-compressed (6.2 KB; the JSON is ~30 KB,
// zod's JSON Schema writer ~22 KB, neither shipped), and the public routes' parameters as zod mini schemas so the
// document is generated from what they validate with (+1.4 KB, the hand checks gone).
const CEILING: Record<string, number> = {
  // Issue 15's rate limits: the 429 page's bokmål (234 bytes by esbuild's metafile) in the site's and search's error
  // pages: +1 KB each. The events function +2 KB: the limiter (663), the form-body check (685), its 429 page (416).
  // Issue 18's Atom feeds (~3 KB) and /for-utviklere with its bokmål (~6.4 KB), issue 15's request logging (~1 KB) and
  // issue 17's byline: the site measured 379,558 bytes on 2 Dec 2026 in a clean clone; search (the same pages' footer
  // and head links, the logging) 424,516. Then /for-utviklere's embedding section (~1.5 KB) and issue 15's 503 page
  // for storage out of reach (its bokmål and the error classifier, ~1 KB, in every function with reader pages):
  // site 382,632, search 426,711, events 591,359 bytes, measured in a clean clone the same day.
  // Later on 2 Dec: the limiter counting by the edge's viewer address (issue 15), `Db.writeOne` (the newsletter's
  // single-item writes, in every function with the access layer) and the 503 page's HTML as one shared module: the
  // public API 272,884 bytes (+1,088), exams 711,873, the scheduler 583,802 (with the newsletter's send log and its
  // settling of open claims, ~3 KB), measured in the shared checkout.
  // Issue 17's edition go-live: hidden editions and the cards they own left out of readers' listings (catalog.ts,
  // reading.ts) and search (engine.ts): the public API 273,455 bytes, search 429,137, measured in the shared checkout
  // on 2 Dec 2026: +1 KB each ceiling.
  // Issue 17's films and episodes embedded in an article's text (components/embedded-item.tsx and its bokmål): +0.7 KB
  // by esbuild's metafile; the site measured 385,783 bytes in the shared checkout on 2 Dec 2026: +1 KB.
  site: 377 * 1024,
  'public-api': 268 * 1024,
  exams: 696 * 1024,
  // Issue 12: search: the site's pages and layout, MiniSearch with the Norwegian stemmer (~25 KB) and zod for the
  // API's validation (~96 KB); no target yet, held here. Issue 15's page-view meta in the layout its pages share: +368 bytes.
  search: 420 * 1024,
  // Issue 13: event sign-ups: the site's pages and layout, zod for the form and the SES v2 client (~45 KB); measured
  // 450 KB on 1 Dec 2026. No target yet, held here. Then the calendars (.ics) joined it with the `ics` writer, ~88 KB
  // minified (most of it yup, which `ics` validates its input with), measured by esbuild before and after: ~538 KB.
  // Issue 14's newsletter reader pages joined it (sign-up, confirmation, preferences, one-click unsubscribe, their
  // bokmål and the subscriber store; same SES client): measured 570 KB on 1 Dec 2026.
  // Issue 17's embeds in a body (the rich-text schema's embed block, +0.9 KB): 594,282 bytes in the shared checkout
  // on 2 Dec 2026: +1 KB.
  events: 581 * 1024,
  // 908 KB on 1 Dec 2026 once deleting a SCORM package's files no longer imported its unzip (yauzl, mime-db).
  // Issue 17's copy and bin (content/bin.ts, duplicate.ts, their routes and the course's hook): +7.8 KB by esbuild's
  // metafile on 2 Dec 2026; the scheduler carries only the 0.2 KB a save needs to say an item is in the bin.
  // Issue 17's edition go-live (the visibility route, the admin save that keeps it, its CDN outbox write and the
  // readers' filter the editor API's content store shares): 946,963 bytes in the shared checkout on 2 Dec 2026, with
  // other issue 17 work (sign-ins, presence) in progress beside it: +2 KB.
  // Issue 17's use counts in the media library (one keys-only Query of the tenant's use records, the usage filter,
  // Db.query's projection): +892 bytes by esbuild (minified) before and after on 2 Dec 2026.
  // Issue 17's films and episodes embedded in a body: their save check and copy (content/embeds.ts, 1.5 KB), the
  // schema's embed block (0.9 KB) and its preview rendering (0.6 KB), by esbuild's metafile: 950,972 bytes in the
  // shared checkout on 2 Dec 2026, with other issue 17 work in progress beside it: +4 KB.
  'editor-api': 930 * 1024,
  // Issue 13: event sign-ups' promotions after a raised capacity and the reminder the day before joined it: the SES v2
  // client (~64 KB), Preact rendering the same e-mails as the events function (~19 KB), Temporal's function-per-module
  // day arithmetic for Oslo's calendar days and the sign-up code; measured 470 KB on 1 Dec 2026. Nobody waits on it.
  // Then partners' calendars (issue 13): ical.js (~78 KB), Temporal's wall-clock conversions (~6 KB) and the importer
  // (~12 KB), measured by esbuild before and after; the bundle measured 565 KB on 2 Dec 2026. Only the scheduler fetches
  // and parses feeds, so the editor API carries none of it (its routes and store: ~4 KB).
  // Issue 17's embed block in the rich-text schema the scheduler's saves validate (+0.9 KB): 585,818 bytes: +1 KB.
  scheduler: 573 * 1024,
  'media-worker': 6_840 * 1024,
  // The CloudFront client and the stream handler; nobody waits on it.
  invalidator: 285 * 1024,
  // Issue 15: IAB download counting from CloudFront's log files: the S3 and DynamoDB clients, isbot and the media
  // record's schema (zod, ~100 KB); nobody waits on it. Measured 506 KB on 1 Dec 2026.
  'access-logs': 515 * 1024,
  // Issue 14: the newsletter's bounce and complaint handler (SNS): the DynamoDB client and zod for the SES event's
  // shape; nobody waits on it. Measured 290 KB on 1 Dec 2026.
  'newsletter-bounces': 300 * 1024,
}

/** FunctionsPublicApiFunction… → public-api: the name of its entry in functions/entry. */
const shortName = (logicalId: string) =>
  (logicalId.match(/^Functions(\w+?)Function/)?.[1] ?? logicalId).replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase()

describe('Lambda bundle budgets', () => {
  let synth: Synthesized
  let bundles: Array<{ name: string; raw: number; gzip: number }>
  beforeAll(async () => {
    // With an SES identity, so the functions only it brings (the newsletter's bounce handler) are budgeted too.
    synth = await synthesize({ bundle: true, deploy: { sesIdentity: 'kompetansebroen.example.no' } })
    bundles = resourcesOf(synth.templates.web, 'AWS::Lambda::Function')
      .filter(([, fn]) => String(fn.Properties.Runtime).startsWith('nodejs'))
      // CDK's own deploy-time handler (it reads the Lambda@Edge version's ARN from us-east-1) is not ours to budget.
      .filter(([logicalId]) => logicalId.startsWith('Functions'))
      .map(([logicalId, fn]) => {
        const code = readFileSync(join(synth.outdir, fn.Metadata['aws:asset:path'], 'index.mjs'))
        return { name: shortName(logicalId), raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
      })
  })
  afterAll(() => synth?.cleanup())

  it('has a budget for every Node.js function', () => {
    expect(bundles.map((bundle) => bundle.name).sort()).toEqual(Object.keys(CEILING).sort())
  })

  it('keeps every bundle under its ceiling', () => {
    for (const bundle of bundles) {
      const target = TARGET[bundle.name] ? `target ${TARGET[bundle.name]}` : 'no target'
      console.info(`${bundle.name}: ${bundle.raw} bytes (${bundle.gzip} gzip), ceiling ${CEILING[bundle.name]}, ${target}`)
    }
    // Every bundle is reported before any is held to its ceiling, so one failure shows them all.
    for (const bundle of bundles) {
      expect(bundle.raw, `${bundle.name} index.mjs is ${bundle.raw} bytes (${bundle.gzip} gzip)`).toBeLessThanOrEqual(CEILING[bundle.name]!)
    }
  })
})
