/*
 * The monthly cost model of docs/cost.md, as arithmetic anyone can rerun: `npx tsx docs/cost-model.ts`.
 * Prints the origin-share table and, per scale (1×, 10×, 100× the 2021 traffic), the monthly USD per service.
 * Every input is a constant below with where it comes from: "bench" (README Performance, 1 Dec 2026), "code"
 * (infra/, functions/, tests/), "synth" (`npx cdk synth`, 2 Dec 2026), "DOMAIN" (/work/shared/DOMAIN.md) or
 * "ASSUMED" (a guess to replace with measured figures once the site runs in AWS). Prices: "PRICE" (public AWS list
 * prices as known to the author, end of 2025; eu-north-1 where known, else us-east-1 and marked so: check the AWS
 * Pricing Calculator before relying on them). Nothing here talks to AWS.
 */

// ---------------------------------------------------------------------------------------------------------------
// Prices (USD)
// ---------------------------------------------------------------------------------------------------------------
const price = {
  cfGbEurope: [
    // CloudFront data transfer out, Europe, per GB by monthly tier (PRICE)
    { upToGb: 10_240, usd: 0.085 },
    { upToGb: 51_200, usd: 0.08 },
    { upToGb: 153_600, usd: 0.06 },
    { upToGb: Infinity, usd: 0.04 },
  ],
  cfRequestsPerMillion: 1.2, // HTTPS requests, Europe: $0.0120 per 10,000 (PRICE)
  cfFreeGb: 1024, // always-free tier: 1 TB out a month (PRICE)
  cfFreeRequests: 10_000_000, // always-free tier: 10 M HTTP(S) requests a month (PRICE)
  cfFunctionPerMillion: 0.1, // CloudFront Functions (the /media/* request function), 2 M free (PRICE)
  cfFunctionFree: 2_000_000,
  invalidationPath: 0.005, // after the first 1,000 paths a month (PRICE)
  invalidationFreePaths: 1000,
  edgeRequestsPerMillion: 0.6, // Lambda@Edge, no free tier (PRICE)
  edgeGbSecond: 0.00005001,
  lambdaRequestsPerMillion: 0.2, // Lambda, arm64 (PRICE; eu-north-1 = us-east-1 for Lambda as far as we know)
  lambdaArmGbSecond: 0.0000133334,
  lambdaFreeRequests: 1_000_000, // always-free tier, per account and month (PRICE)
  lambdaFreeGbSeconds: 400_000,
  ddbWruPerMillion: 0.625, // DynamoDB on-demand after the Nov 2024 cut: us-east-1 figures, eu-north-1 ASSUMED equal (PRICE)
  ddbRruPerMillion: 0.125,
  ddbStorageGb: 0.25, // first 25 GB a month free (PRICE)
  ddbFreeStorageGb: 25,
  ddbPitrGb: 0.2, // continuous backups (PITR), per GB-month of table size (PRICE, us-east-1)
  backupDdbGb: 0.1, // AWS Backup, DynamoDB warm storage per GB-month (PRICE, us-east-1)
  backupS3Gb: 0.05, // AWS Backup, S3 per GB-month (PRICE, us-east-1)
  s3Gb: 0.023, // S3 Standard per GB-month (PRICE, us-east-1 figure; eu-north-1 ASSUMED equal)
  s3PutPerThousand: 0.005,
  s3GetPerThousand: 0.0004,
  sesPerThousand: 0.1, // SES outbound mail (PRICE)
  logsIngestGb: 0.5, // CloudWatch Logs ingestion, standard class (PRICE, us-east-1; Stockholm may be a little higher)
  logsStoreGb: 0.03,
  logsFreeGb: 5,
  alarmMetric: 0.1, // per metric in a standard-resolution alarm (PRICE)
  kmsKey: 1, // customer-managed key per month (PRICE)
  cognitoPlusMau: 0.02, // Cognito Plus feature plan (infra/stacks/auth.ts), no free MAUs on Plus (PRICE)
  wafAcl: 5, // optional (-c webAclArn): web ACL, per rule, per million requests (PRICE)
  wafRule: 1,
  wafRequestsPerMillion: 0.6,
}

// ---------------------------------------------------------------------------------------------------------------
// Traffic at 1× (2021)
// ---------------------------------------------------------------------------------------------------------------
const pageViewsPerMonth = 2_500_000 / 12 // DOMAIN: 2.5 M page views in 2021 (270 000 users)

/** Share of page views per page type (ASSUMED), with what the code and bench say each costs. */
const pageTypes = [
  // ddb: DynamoDB requests per rendered page, enforced by tests (tests/web/site.test.ts, courses.test.ts,
  // event-calendar-page.test.ts, search-pages.test.ts) and measured by the bench ("DynamoDB requests per page").
  // rru: read units per request, ASSUMED (eventually consistent: 0.5 RRU per 4 KB; a Query of 20 cards ≈ 16 KB = 2,
  // one item ≤ 8 KB = 1). ms: billed duration in Lambda, ASSUMED = bench p50 (home 13, listing 11, item 3.9 ms on
  // x86 with DynamoDB Local) × ~2 for arm64 at 1 GB, plus real DynamoDB round trips.
  // kb/req: what CloudFront sends per view (bench gzip HTML; CSS 1.8 KB on half the views (browser-cached after a
  // visit's first page, ASSUMED); card images 3 KB AVIF (bench 2–4 KB), ~10 on home and listings, a 25 KB hero on items
  // (ASSUMED); plus 0.4 KB of headers per response and the service worker/favicon/manifest checks, ASSUMED).
  { name: 'home', share: 0.15, fn: 'site', ddb: { Query: 2 }, ms: 40, kb: 4.1 + 0.9 + 30 + 5, requests: 1 + 0.5 + 10 + 0.5, images: 10 },
  { name: 'listing', share: 0.25, fn: 'site', ddb: { Query: 2 }, ms: 35, kb: 2.9 + 0.9 + 30 + 5, requests: 1 + 0.5 + 10 + 0.5, images: 10 },
  { name: 'item (article, film, episode, course)', share: 0.45, fn: 'site', ddb: { GetItem: 1 }, ms: 15, kb: 2.4 + 0.9 + 25 + 2, requests: 1 + 0.5 + 1 + 0.5, images: 1 },
  { name: 'course lesson', share: 0.05, fn: 'site', ddb: { GetItem: 2 }, ms: 20, kb: 3 + 0.9 + 2, requests: 1 + 0.5 + 0.5, images: 0 },
  { name: 'search page', share: 0.05, fn: 'search', ddb: {}, ms: 25, kb: 4 + 0.9 + 1 + 15 + 4, requests: 1 + 0.5 + 0.5 + 5 + 0.5, images: 5 },
  { name: 'events calendar', share: 0.05, fn: 'events', ddb: { Query: 3 }, ms: 45, kb: 5 + 0.9 + 2, requests: 1 + 0.5 + 0.5, images: 0 },
] as const
const rruPerRequest = { Query: 2, GetItem: 1 } as const

const memoryGb = { site: 1, search: 1.5, events: 1, exams: 1, publicApi: 1, editorApi: 1, scheduler: 0.5, mediaWorker: 2, invalidator: 0.25, accessLogs: 0.5 } // code/synth: infra/stacks/functions.ts, all arm64

const beaconsPerView = 1 // brief: one beacon per page view (code: item pages only, so this is an upper bound)
const beacon = { edgeMs: 5, edgeGb: 0.125, ms: 10, wru: 1, kb: 0.6 } // Lambda@Edge form-body-hash 128 MB x86 (code); exams function; 1 UpdateItem of a sharded counter (code: functions/analytics/counts.ts); ms ASSUMED
const searchRequestsPerView = 0.15 // ASSUMED: suggestions while typing on the 5 % of views that search (3 each), beside the search page itself
const apiRequestsPerView = 0.03 // ASSUMED: /api/v1 (favourites' cards, integrators, oEmbed), cached at the edge like pages
const crawlerShareOfViews = 0.5 // ASSUMED: crawlers and feed readers add half as many HTML requests again, nearly all reaching the origin
const coldStartShare = { 1: 0.1, 10: 0.03, 100: 0.01 } as Record<number, number> // ASSUMED share of origin invocations that start an instance
const initSeconds = 0.3 // ASSUMED billed INIT per cold start (bench: site module init 43 ms on x86; Lambda bills INIT since Aug 2025)
const cloudWatchKbPerInvocation = 0.8 // ASSUMED: JSON platform.start + platform.report lines (code: LoggingFormat.JSON; app lines only on faults, functions/shared/request-log.ts)

/** Podcast and film delivery at 1× (ASSUMED: the site has ~80 episodes and ~140 films, DOMAIN; no download figures are public). */
const media = {
  // seed episode: 106,239 B for 26.5 s = 32 kbit/s mono (infra/local/seed/media); real episodes ASSUMED 30 min at 64 kbit/s
  podcastDownloads: 4000,
  podcastMb: (30 * 60 * 64_000) / 8 / 1e6,
  podcastRequests: 4, // Apple's bytes=0-1 probe and range requests
  // seed film: 132,792 B for 7.5 s = 141 kbit/s at 320×180; real self-hosted films ASSUMED 5 min at 1.5 Mbit/s, 60 % watched
  filmPlays: 3000,
  filmMb: ((5 * 60 * 1_500_000) / 8 / 1e6) * 0.6,
  filmRequests: 10,
  edgeMissShare: 0.1, // ASSUMED share of media requests CloudFront fetches from S3 (immutable, a year's max-age)
}

/** Editorial work per month at 1× (ASSUMED: five editions, a few editors each, DOMAIN), scaled more slowly than readers. */
const editorial = {
  scale: { 1: 1, 10: 3, 100: 10 } as Record<number, number>, // ASSUMED: more editors and editions, not 10× the work per reader
  saves: 800, // each a transaction (item + revision, ~8 KB each): 2 × 8 WRU × 2 = 32 WRU
  saveWru: 32,
  publishes: 200, // each a transaction of ~6 records, ~20 KB: ~40 WRU; ~6 invalidation paths (code: functions/content/invalidation.ts)
  publishWru: 40,
  pathsPerPublish: 6,
  workspaceRequests: 40_000, // editor API calls, ~2 RRU and 60 ms each
  uploads: 120, // 100 images (2 s in the media worker), 20 audio/video (20 s); ~6 S3 PUT/COPY each
  uploadWorkerSeconds: 100 * 2 + 20 * 20,
  uploadPuts: 120 * 6,
}

/** E-mail per month at 1× (ASSUMED): event sign-ups (confirmation + reminder) and the newsletter. */
const mail = {
  signUps: 300,
  mailsPerSignUp: 2,
  subscribers: 4000, // ~1.5 % of the year's 270 000 readers
  issuesPerMonth: 6, // DOMAIN: news 1–2 items a week, each followed by an e-mail newsletter
}

/** Fixed things (synth on 2 Dec 2026, without -c sesIdentity/webAclArn). */
const fixed = {
  alarmMetrics: 79, // 45 alarms (43 in -ops, 2 in -edge-alarms); the rate alarms are metric math over several metrics
  kmsKeys: 3, // both alarm topics' keys, + the newsletter's SNS topic key with -c sesIdentity
  editorsMau: 25, // ASSUMED monthly active editors
  schedulerInvocations: 43_200, // every minute (EventBridge)
  schedulerMs: 150, // ASSUMED
  schedulerRru: 2,
  searchRefreshQueries: 43_200 * 2, // ASSUMED: one SEARCHLOG Query a minute per warm instance, ~2 instances (docs/search.md)
  tableGb: { 1: 1.3, 10: 2, 100: 5 } as Record<number, number>, // ASSUMED: content (items, revisions, search docs, sign-ups) + counters
  mediaGb: { 1: 7, 10: 10, 100: 20 } as Record<number, number>, // ASSUMED: ~80 episodes × 14 MB, ~70 self-hosted films × 56 MB, images
  backupCopies: 35, // code: infra/stacks/backup.ts, nightly, kept 35 days; DynamoDB backups are full copies
  cfLogKbPerRequest: 0.06, // ASSUMED gzip size of one standard log line; kept 90 days (infra/stacks/media.ts)
  wafRules: 3, // optional: ASSUMED rate-based + two managed rule groups
}

// ---------------------------------------------------------------------------------------------------------------
// The origin-share model of docs/cost.md (Zipf over N cache keys, s-maxage T, stale-while-revalidate W)
// ---------------------------------------------------------------------------------------------------------------
export function originShare(viewsPerYear: number, keys = 10_000, s = 1.0, T = 60, W = 600) {
  const weights = Array.from({ length: keys }, (_, k) => 1 / (k + 1) ** s)
  const total = weights.reduce((a, b) => a + b, 0)
  const periods = [
    { views: 0.8 * viewsPerYear, seconds: 2500 * 3600 },
    { views: 0.2 * viewsPerYear, seconds: (8760 - 2500) * 3600 },
  ]
  let origin = 0
  let waits = 0
  for (const { views, seconds } of periods)
    for (const w of weights) {
      const rate = (views * w) / total / seconds
      const originPerSecond = rate / (1 + rate * T)
      origin += originPerSecond * seconds
      waits += originPerSecond * Math.exp(-rate * W) * seconds
    }
  return { origin: origin / viewsPerYear, waits: waits / viewsPerYear }
}

// ---------------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------------
function tiered(gb: number): number {
  let rest = Math.max(0, gb - price.cfFreeGb)
  let usd = 0
  let floor = 0
  for (const tier of price.cfGbEurope) {
    const inTier = Math.min(rest, tier.upToGb - floor)
    usd += inTier * tier.usd
    rest -= inTier
    floor = tier.upToGb
    if (rest <= 0) break
  }
  return usd
}

export function model(scale: number) {
  const views = pageViewsPerMonth * scale
  const share = originShare(views * 12).origin
  const lines: Record<string, number> = {}
  const volumes: Record<string, number> = {}

  // Reader pages
  let cfRequests = 0
  let imageRequests = 0 // pictures are under /media/*, so each runs the media request function as well
  let cfGb = 0
  let rru = 0
  let wru = 0
  const gbSeconds: Record<string, number> = {}
  const invocations: Record<string, number> = {}
  const invoke = (fn: keyof typeof memoryGb, count: number, ms: number) => {
    invocations[fn] = (invocations[fn] ?? 0) + count
    gbSeconds[fn] = (gbSeconds[fn] ?? 0) + count * (ms / 1000) * memoryGb[fn]
  }
  for (const page of pageTypes) {
    const pageViews = views * page.share
    cfRequests += pageViews * page.requests
    imageRequests += pageViews * page.images
    cfGb += (pageViews * page.kb) / 1e6
    // Search pages are keyed by the query: ASSUMED all reach the origin. Crawlers: site pages only, all at the origin.
    const rendered = pageViews * (page.fn === 'search' ? 1 : share) + (page.fn === 'site' ? pageViews * crawlerShareOfViews : 0)
    invoke(page.fn, rendered, page.ms)
    for (const [op, n] of Object.entries(page.ddb)) rru += rendered * n * rruPerRequest[op as keyof typeof rruPerRequest]
  }
  const crawlerRequests = views * crawlerShareOfViews
  cfRequests += crawlerRequests
  cfGb += (crawlerRequests * 4) / 1e6

  // Beacons: CloudFront (POST, not cached) → Lambda@Edge body hash → exams function → one counter write
  const beacons = views * beaconsPerView
  cfRequests += beacons
  cfGb += (beacons * beacon.kb) / 1e6
  invoke('exams', beacons, beacon.ms)
  wru += beacons * beacon.wru
  const edgeInvocations = beacons

  // Search suggestions and API calls
  const searches = views * searchRequestsPerView
  cfRequests += searches
  cfGb += (searches * 1.5) / 1e6
  invoke('search', searches, 10)
  const apiCalls = views * apiRequestsPerView
  cfRequests += apiCalls
  invoke('publicApi', apiCalls * share, 20)
  rru += apiCalls * share * 2

  // Media
  const downloads = media.podcastDownloads * scale
  const plays = media.filmPlays * scale
  const mediaRequests = downloads * media.podcastRequests + plays * media.filmRequests
  const mediaGb = (downloads * media.podcastMb + plays * media.filmMb) / 1000
  cfRequests += mediaRequests
  cfGb += mediaGb
  const s3Gets = mediaRequests * media.edgeMissShare + views * 0.01 // image and asset misses, ASSUMED 1 % of views

  // CloudFront standard logs → access-logs function (one invocation per log file; ASSUMED ~300 files a day at 1×, 3 ms per 1,000 lines)
  const logFiles = 300 * 30 * Math.min(scale, 10)
  invoke('accessLogs', logFiles, 200 + (cfRequests / logFiles) * 0.003)
  wru += (downloads + plays) * 3 // listener state + counts, ASSUMED

  // Editorial work
  const e = editorial.scale[scale]!
  wru += e * (editorial.saves * editorial.saveWru + editorial.publishes * editorial.publishWru)
  rru += e * editorial.workspaceRequests * 2
  invoke('editorApi', e * editorial.workspaceRequests, 60)
  invoke('mediaWorker', e * editorial.uploads, (editorial.uploadWorkerSeconds / editorial.uploads) * 1000)
  invoke('invalidator', e * editorial.publishes, 300)
  const invalidationPaths = e * editorial.publishes * editorial.pathsPerPublish
  const s3Puts = e * editorial.uploadPuts
  cfRequests += e * editorial.workspaceRequests

  // Scheduler and search refresh (fixed)
  invoke('scheduler', fixed.schedulerInvocations, fixed.schedulerMs)
  rru += fixed.schedulerInvocations * fixed.schedulerRru * 0.5 + fixed.searchRefreshQueries * 0.5

  // E-mail: the scheduler sends newsletters (~30 ms a mail, ASSUMED), the events function confirmations
  const signUps = mail.signUps * scale
  const mails = signUps * mail.mailsPerSignUp + mail.subscribers * scale * mail.issuesPerMonth
  invoke('scheduler', 1, mails * 30)
  invoke('events', signUps, 80)
  wru += signUps * 4
  rru += mail.subscribers * scale * mail.issuesPerMonth * 0.5

  // Prices
  const totalInvocations = Object.values(invocations).reduce((a, b) => a + b, 0)
  const coldStarts = (totalInvocations - fixed.schedulerInvocations) * coldStartShare[scale]!
  const totalGbSeconds = Object.values(gbSeconds).reduce((a, b) => a + b, 0) + coldStarts * initSeconds * 1
  lines.CloudFront =
    tiered(cfGb) +
    (Math.max(0, cfRequests - price.cfFreeRequests) / 1e6) * price.cfRequestsPerMillion +
    (Math.max(0, mediaRequests + imageRequests - price.cfFunctionFree) / 1e6) * price.cfFunctionPerMillion +
    Math.max(0, invalidationPaths - price.invalidationFreePaths) * price.invalidationPath
  lines['Lambda@Edge (beacon body hash)'] =
    (edgeInvocations / 1e6) * price.edgeRequestsPerMillion + edgeInvocations * (beacon.edgeMs / 1000) * beacon.edgeGb * price.edgeGbSecond
  lines.Lambda =
    (Math.max(0, totalInvocations - price.lambdaFreeRequests) / 1e6) * price.lambdaRequestsPerMillion +
    Math.max(0, totalGbSeconds - price.lambdaFreeGbSeconds) * price.lambdaArmGbSecond
  const lambdaWithoutFreeTier = (totalInvocations / 1e6) * price.lambdaRequestsPerMillion + totalGbSeconds * price.lambdaArmGbSecond
  const tableGb = fixed.tableGb[scale]!
  lines['DynamoDB (requests, storage, PITR)'] =
    (wru / 1e6) * price.ddbWruPerMillion +
    (rru / 1e6) * price.ddbRruPerMillion +
    Math.max(0, tableGb - price.ddbFreeStorageGb) * price.ddbStorageGb +
    tableGb * price.ddbPitrGb
  const mediaStoredGb = fixed.mediaGb[scale]!
  const logBucketGb = (cfRequests * fixed.cfLogKbPerRequest * 3) / 1e6
  lines.S3 = (mediaStoredGb + logBucketGb + 0.1) * price.s3Gb + (s3Puts / 1000) * price.s3PutPerThousand + ((s3Gets + logFiles) / 1000) * price.s3GetPerThousand
  lines['AWS Backup'] = tableGb * fixed.backupCopies * price.backupDdbGb + mediaStoredGb * 1.1 * price.backupS3Gb
  lines.SES = (mails / 1000) * price.sesPerThousand
  const logGb = ((totalInvocations + edgeInvocations) * cloudWatchKbPerInvocation) / 1e6
  lines['CloudWatch (logs, alarms)'] =
    Math.max(0, logGb - price.logsFreeGb) * price.logsIngestGb + logGb * 0.15 * price.logsStoreGb + fixed.alarmMetrics * price.alarmMetric
  lines['KMS keys'] = fixed.kmsKeys * price.kmsKey
  lines['Cognito (Plus, editors)'] = fixed.editorsMau * price.cognitoPlusMau
  const total = Object.values(lines).reduce((a, b) => a + b, 0)
  const waf = price.wafAcl + fixed.wafRules * price.wafRule + (cfRequests / 1e6) * price.wafRequestsPerMillion

  Object.assign(volumes, {
    pageViews: views,
    originShare: share,
    cfRequests,
    cfGb,
    mediaGb,
    invalidationPaths,
    lambdaInvocations: totalInvocations,
    lambdaGbSeconds: totalGbSeconds,
    lambdaWithoutFreeTier,
    coldStarts,
    edgeInvocations,
    rru,
    wru,
    mails,
    logGb,
    waf,
  })
  return { scale, lines, total, volumes, gbSeconds, invocations }
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------
const usd = (n: number) => (n < 0.005 ? '0.00' : n < 100 ? n.toFixed(2) : Math.round(n).toLocaleString('en'))
const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} M` : n >= 1e3 ? `${Math.round(n / 1e3)} k` : n.toFixed(0))

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('| scale | page views a year | views reaching the origin | views where the reader waits |\n|---|---:|---:|---:|')
  for (const scale of [1, 10, 100]) {
    const { origin, waits } = originShare(2_500_000 * scale)
    console.log(`| ${scale}× | ${count(2_500_000 * scale)} | ${(origin * 100).toFixed(0)} % | ${(waits * 100).toFixed(0)} % |`)
  }
  const results = [1, 10, 100].map(model)
  console.log('\n| volume a month | 1× | 10× | 100× |\n|---|---:|---:|---:|')
  const v = (key: string, f: (n: number) => string) => console.log(`| ${key} | ${results.map((r) => f(r.volumes[key]!)).join(' | ')} |`)
  v('pageViews', count)
  v('originShare', (n) => `${(n * 100).toFixed(0)} %`)
  v('cfRequests', count)
  v('cfGb', (n) => `${n.toFixed(0)} GB`)
  v('mediaGb', (n) => `${n.toFixed(0)} GB`)
  v('invalidationPaths', count)
  v('lambdaInvocations', count)
  v('lambdaGbSeconds', count)
  v('coldStarts', count)
  v('edgeInvocations', count)
  v('rru', count)
  v('wru', count)
  v('mails', count)
  v('logGb', (n) => `${n.toFixed(1)} GB`)
  console.log('\n| USD a month | 1× | 10× | 100× |\n|---|---:|---:|---:|')
  for (const name of Object.keys(results[0]!.lines)) console.log(`| ${name} | ${results.map((r) => usd(r.lines[name]!)).join(' | ')} |`)
  console.log(`| **total** | **${results.map((r) => usd(r.total)).join('** | **')}** |`)
  console.log(`| optional WAF web ACL (-c webAclArn) | ${results.map((r) => usd(r.volumes.waf!)).join(' | ')} |`)
  console.log(`| Lambda without the free tier (for comparison) | ${results.map((r) => usd(r.volumes.lambdaWithoutFreeTier!)).join(' | ')} |`)
  console.log('\nGB-seconds by function:')
  for (const r of results) console.log(`${r.scale}×`, Object.entries(r.gbSeconds).map(([fn, gbs]) => `${fn} ${count(gbs)} (${count(r.invocations[fn]!)} calls)`).join(', '))
}
