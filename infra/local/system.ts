import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createEditorApiApp } from '../../functions/editor-api.ts'
import { createEventsApp } from '../../functions/events-app.ts'
import { eventsServicesFrom } from '../../functions/events/services.ts'
import { createExamsApiApp } from '../../functions/exams-api.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createSearchApp } from '../../functions/search-app.ts'
import { rebuildSearchDocuments } from '../../functions/search/rebuild.ts'
import { createAwsClients } from '../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { createServices, NATIONAL_TENANT, type Services } from '../../functions/services.ts'
import { runScheduledWork } from '../../functions/scheduler-run.ts'
import { createSchedulerServices } from '../../functions/scheduler-services.ts'
import { createLogger } from '../../functions/shared/logger.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import type { AssetManifest } from '../../web/assets.ts'
import { assetsOutDir, buildWeb, watchWeb } from '../../web/build.ts'
import { contentTable, countersTable, tableName } from '../definitions.ts'
import { startSesEventRelay } from './ses-events.ts'
import { createSesEventHandler, type SesEventHandler } from '../../functions/newsletter/ses-events.ts'
import { startDynamoDbLocal, startS3, startSes, type RunningEmulator, type RunningS3 } from './emulators.ts'
import { startContentStream } from './content-stream.ts'
import { deliverMediaEvents } from './media-events.ts'
import { provision } from './provision.ts'
import { localDirectory } from '../../functions/tenants/directory.ts'
import { demoEditors, demoPassword } from './demo-editors.ts'
import { createLocalIdentityProvider, type LocalIdentityProvider } from './identity.ts'
import { createLocalRouter } from './router.ts'
import { listenEarly } from './listen.ts'
import { createScormRouter } from './scorm-router.ts'
import { createDownloadCounting } from '../../functions/analytics/log-processor.ts'
import { fileAccessLog, localDownloadCounter } from './access-log.ts'
import { seedCatalog, seedDemoContent } from './seed/index.ts'
import { startDemoPartnerFeed, subscribeDemoPartnerFeed } from './partner-feed-fixture.ts'

export interface LocalSystemOptions {
  /** The site's port; 0 for one the OS picks (tests). */
  port: number
  /** The SCORM origin's port (infra/local/scorm-router.ts); one the OS picks when not given. */
  scormPort?: number
  /** Where DynamoDB Local and s3rver keep data; emulators are started when no endpoints are given. */
  dataDir?: string
  /**
   * Use already running emulators (tests share DynamoDB Local). Without `s3` the system starts an s3rver of
   * its own in a temporary folder: only an s3rver in this process can tell the media worker about uploads.
   */
  endpoints?: { dynamodb: string; s3?: string; ses?: string }
  /** Table/bucket name prefix, so tests can run beside each other. */
  namePrefix?: string
  /** Rebuild web assets on change (npm start) or build once (tests). */
  watch?: boolean
  /**
   * The demo content: seeded (the default), none, or put there by the caller instead (tests copy content seeded
   * once per run); it gets the system's services and the folder of the system's own s3rver, if it started one.
   */
  seed?: boolean | ((system: { services: Services; s3Dir?: string }) => Promise<void>)
  /** Serve once the editions exist and seed the demo items behind it (npm start); `seeded` says when it is done. */
  seedInBackground?: boolean
  log?: (line: string) => void
}

export interface LocalSystem {
  url: string
  /** The SES emulator: its API (sign-up e-mails go there) and, at its root, the web view of sent mail. */
  sesUrl: string
  /** The SCORM origin: packages and their player, on a loopback port of their own. */
  scormUrl: string
  config: RuntimeConfig
  services: Services
  identity: LocalIdentityProvider
  /** The router's access log in CloudFront's format (issue 15), and its downloads counted now (npm start: every minute). */
  accessLogPath: string
  countDownloads(): Promise<number>
  /** Settles when the demo items (and the partner calendar) are in, at once unless seeded in the background. */
  seeded: Promise<void>
  stop(): Promise<void>
}

/** The whole system on loopback: emulators, tables and bucket, seed, web build, the router and its server. */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const log = options.log ?? (() => {})
  // Both origins are bound first (listen.ts): a busy port fails at once, and nothing takes a port while the rest starts.
  const site = await listenEarly(options.port, 'the site')
  const scorm = await listenEarly(options.scormPort ?? 0, 'the SCORM origin').catch(async (error: unknown) => {
    await site.close()
    throw error
  })
  const emulators: RunningEmulator[] = [
    { endpoint: site.url, stop: site.close },
    { endpoint: scorm.url, stop: scorm.close },
  ]
  const stopAll = async () => {
    await Promise.allSettled(emulators.map((emulator) => emulator.stop()))
  }
  try {
    let endpoints: { dynamodb: string; s3: string }
    // The s3rver whose events reach the media worker; none when the caller's s3rver lives elsewhere.
    let s3rver: RunningS3 | undefined
    let ownS3Dir: string | undefined
    if (options.endpoints?.s3) endpoints = { dynamodb: options.endpoints.dynamodb, s3: options.endpoints.s3 }
    else if (options.endpoints) {
      const s3Dir = mkdtempSync(join(tmpdir(), 'kb-s3-'))
      ownS3Dir = s3Dir
      const own = await startS3({ dataDir: s3Dir })
      emulators.push({ endpoint: own.endpoint, stop: () => own.stop().finally(() => rmSync(s3Dir, { recursive: true, force: true })) })
      s3rver = own
      endpoints = { dynamodb: options.endpoints.dynamodb, s3: own.endpoint }
    } else {
      const dataDir = resolve(options.dataDir ?? '.data')
      mkdirSync(dataDir, { recursive: true })
      const [dynamodb, s3] = await Promise.all([
        startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') }),
        startS3({ dataDir: join(dataDir, 's3') }),
      ])
      emulators.push(dynamodb, s3)
      s3rver = s3
      endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint }
      log(`DynamoDB Local ${dynamodb.endpoint} · S3 (s3rver) ${s3.endpoint}`)
    }
    // E-mail (event sign-ups): the caller's SES emulator, or one of our own in this process.
    let ses = options.endpoints?.ses
    if (!ses) {
      const own = await startSes()
      emulators.push(own)
      ses = own.endpoint
    }
    // SES's Send, bounce and complaint events, as the configuration set publishes them in AWS (ses-events.ts).
    let sesEventHandler: SesEventHandler | undefined
    const sesEvents = await startSesEventRelay({ target: ses, publish: async (event) => sesEventHandler?.handleEvent(event) })
    emulators.push(sesEvents)
    const prefix = options.namePrefix ?? 'kompetansebroen-local'
    const url = site.url
    // Another port is another origin: packages never run on the site's (infra/definitions.ts scormOrigin).
    const scormUrl = scorm.url
    const identity = await createLocalIdentityProvider({ origin: url, users: demoEditors })
    const config: RuntimeConfig = {
      region: 'eu-north-1',
      tables: { content: tableName(prefix, contentTable), counters: tableName(prefix, countersTable) },
      mediaBucket: `${prefix}-media`,
      endpoints: { ...endpoints, ses: sesEvents.endpoint },
      // Any address will do: the emulator delivers nothing, it shows what would be sent.
      mailFrom: 'Kompetansebroen <pamelding@kompetansebroen.local>',
      mailConfigurationSet: 'kompetansebroen-local',
      siteOrigin: url,
      scormOrigin: scormUrl,
      auth: identity.config,
      // The demo partner's calendar is served on loopback over http (partner-feed-fixture.ts); in AWS, https only.
      partnerFeeds: { allowLoopback: true },
    }
    const clients = createAwsClients(config)
    await provision(clients, config)
    // New editors an admin adds locally sign in with the demo password.
    const services = createServices(config, clients, { directory: localDirectory(demoEditors, demoPassword) })
    sesEventHandler = createSesEventHandler(services.db)
    const demo = typeof options.seed !== 'function' && (options.seed ?? true)
    if (typeof options.seed === 'function') await options.seed({ services, s3Dir: ownS3Dir })
    else if (demo) await seedCatalog(services)
    const stopSeeding = new AbortController()
    let mediaEvents: ReturnType<typeof deliverMediaEvents> | undefined
    const seedItems = async () => {
      if (demo) {
        const result = await seedDemoContent(services, { signal: stopSeeding.signal })
        log(`Demo content: ${result.created} created, ${result.skipped} already there`)
        // Data from before search existed has published items without search documents: write them (recovery's command).
        if (result.skipped) {
          const rebuilt = await rebuildSearchDocuments(services, { nationalTenant: NATIONAL_TENANT, onlyMissing: true })
          log(`Search documents: ${rebuilt.written} written, ${rebuilt.removed} removed`)
        }
      }
      // Partners' calendars (issue 13): Innlandet subscribes to a partner's feed on loopback; the timer below imports it.
      if (options.seed !== false && !stopSeeding.signal.aborted) {
        const partnerFeed = await startDemoPartnerFeed()
        emulators.push({ endpoint: partnerFeed.url, stop: partnerFeed.stop })
        await subscribeDemoPartnerFeed(services.db, partnerFeed.url)
        log(`Partner calendar (Helsefellesskapet Innlandet, imported into Innlandet's drafts) ${partnerFeed.url}`)
      }
      // After the seed, which verifies its files itself (functions/media/import.ts), so no upload is checked twice at once.
      if (stopSeeding.signal.aborted) return
      mediaEvents = s3rver ? deliverMediaEvents(s3rver, { services, log }) : undefined
      if (!mediaEvents) log('S3 events do not reach this process: uploads stay "processing" (start without endpoints.s3 for the media worker)')
      // The content table's stream, as Lambda's event source mapping reads it in AWS (the CDN's outbox, for now); from
      // here on, so the seed's own publishes are not read out one by one.
      contentStream = await startContentStream(config, log)
    }
    let contentStream: Awaited<ReturnType<typeof startContentStream>> | undefined
    // npm start serves as soon as the editions exist and the demo items follow (below); tests and the bench wait for them.
    if (!options.seedInBackground) await seedItems()

    let manifest: AssetManifest = {}
    // A one-off build goes to a folder of its own, so parallel test systems never share (or delete) files.
    const assetsDir = options.watch ? assetsOutDir : mkdtempSync(join(tmpdir(), 'kb-assets-'))
    const stopWatching = options.watch
      ? await watchWeb((next) => {
          manifest = next
          log('Web assets rebuilt')
        })
      : ((manifest = await buildWeb(assetsDir)), async () => rmSync(assetsDir, { recursive: true, force: true }))

    // CloudFront's standard logs and the access-log function (issue 15): the router logs in the same format, and the same
    // counting reads what it appended, once a minute like CloudFront's deliveries under npm start.
    const accessLogPath = join(mkdtempSync(join(tmpdir(), 'kb-logs-')), 'access.log')
    const downloads = localDownloadCounter(accessLogPath, createDownloadCounting(config, clients), { intervalMs: options.watch ? 60_000 : undefined, log })
    const router = createLocalRouter({
      // One process and one services object here; in AWS each function builds only its share of it.
      publicApi: createPublicApiApp(services),
      exams: createExamsApiApp(services),
      events: createEventsApp(eventsServicesFrom(services), { assets: () => manifest }),
      // Looks for changes on every request here (one small Query), so an editor sees a publish in search at once.
      search: createSearchApp(services, { assets: () => manifest, refreshMs: 0 }),
      editorApi: createEditorApiApp(services, { assets: () => manifest }),
      site: createSiteApp(services, { assets: () => manifest }),
      s3: clients.s3,
      mediaBucket: config.mediaBucket,
      assetsDir,
      identity: identity.app,
      uploadOrigin: new URL(endpoints.s3).origin,
      scormOrigin: scormUrl,
      accessLog: fileAccessLog(accessLogPath),
    })
    const scormRouter = createScormRouter({ s3: clients.s3, mediaBucket: config.mediaBucket, assetsDir, siteOrigin: url })
    // EventBridge runs the scheduler once a minute in AWS; here a timer runs the same work (more often, for a quick loop):
    // scheduled publishing, sign-ups' follow-ups and reminders, newsletter issues.
    const scheduler = createSchedulerServices(config, clients)
    const schedulerLog = createLogger({ write: (line) => log(`Scheduler: ${line}`) })
    const scheduleTimer = options.watch
      ? setInterval(() => {
          runScheduledWork(scheduler, schedulerLog).catch((error: unknown) => log(`Scheduled work failed: ${(error as Error).message}`))
        }, 15_000)
      : undefined
    site.serve(router.fetch)
    scorm.serve(scormRouter.fetch)
    // After the site serves: a first start encodes every demo picture's variants, which takes a while on two cores.
    const seeding = options.seedInBackground
      ? seedItems().catch((error: unknown) => log(`Demo content could not be seeded: ${(error as Error).stack ?? error}`))
      : undefined
    return {
      url,
      sesUrl: ses,
      scormUrl,
      config,
      services,
      identity,
      accessLogPath,
      countDownloads: downloads.flush,
      seeded: Promise.resolve(seeding).then(() => undefined),
      async stop() {
        clearInterval(scheduleTimer)
        stopSeeding.abort()
        await seeding
        await downloads.stop()
        await Promise.all([site.close(), scorm.close()])
        await stopWatching()
        await mediaEvents?.stop()
        await contentStream?.stop()
        await stopAll()
      },
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
