import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import { startDynamoDbLocal, startS3, type RunningEmulator } from '../infra/local/emulators.ts'
import { startLocalSystem, type LocalSystem } from '../infra/local/system.ts'
import type { AssetManifest } from '../web/assets.ts'
import { buildWeb } from '../web/build.ts'
import { createSiteApp } from '../web/site/app.tsx'
import { baselineRoutes } from './baseline-routes.ts'

export interface BenchSystem {
  emulators: { dynamodb: string; s3: string }
  system: LocalSystem
  manifest: AssetManifest
  /** Where `manifest`'s files are (the same build the router serves). */
  assetsDir: string
  /** The site as a browser gets it locally: the CloudFront-like router (security headers, compression). */
  routerUrl: string
  /** The site's Hono app alone, as the Lambda runs it (no router, no compression). */
  siteUrl: string
  /** `/bare/…` and `/static/:name` (bench/baseline-routes.ts). */
  baselineUrl: string
  /** Captured HTML served by `/static/:name`. */
  staticPages: Map<string, Buffer>
  /** Serves another Hono app on a free loopback port in this process; closed with the rest. */
  serveApp(app: Hono): Promise<string>
  stop(): Promise<void>
}

async function listen(app: { fetch: Hono['fetch'] }): Promise<{ url: string; server: ServerType }> {
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

/**
 * Everything in this process on loopback: our own DynamoDB Local (in memory) and s3rver, the local system
 * with the demo seed, and beside its router the site app alone plus the baselines, all over one `services`.
 */
export async function startBenchSystem(log: (line: string) => void): Promise<BenchSystem> {
  const s3Dir = mkdtempSync(join(tmpdir(), 'kb-bench-s3-'))
  const assetsDir = mkdtempSync(join(tmpdir(), 'kb-bench-assets-'))
  const emulators: RunningEmulator[] = []
  const servers: ServerType[] = []
  const cleanup = async () => {
    await Promise.allSettled(servers.map((server) => new Promise((resolve) => server.close(resolve))))
    await Promise.allSettled(emulators.map((emulator) => emulator.stop()))
    rmSync(s3Dir, { recursive: true, force: true })
    rmSync(assetsDir, { recursive: true, force: true })
  }
  try {
    const [dynamodb, s3] = await Promise.all([startDynamoDbLocal({ dataDir: null }), startS3({ dataDir: s3Dir })])
    emulators.push(dynamodb, s3)
    const endpoints = { dynamodb: dynamodb.endpoint, s3: s3.endpoint }
    log(`emulators: DynamoDB Local ${dynamodb.endpoint}, s3rver ${s3.endpoint}`)
    const system = await startLocalSystem({ port: 0, endpoints, namePrefix: 'kb-bench', seed: true, watch: false, log })
    emulators.unshift({ endpoint: system.url, stop: () => system.stop() })
    // The system builds its assets into a private folder it does not expose; the same sources give the
    // same content hashes, so this manifest names the very files the router serves.
    const manifest = await buildWeb(assetsDir)
    const staticPages = new Map<string, Buffer>()
    const serveApp = async (app: Hono) => {
      const { url, server } = await listen(app)
      servers.push(server)
      return url
    }
    const siteUrl = await serveApp(createSiteApp(system.services, { assets: () => manifest }))
    const baselineUrl = await serveApp(baselineRoutes(system.services, staticPages))
    return { emulators: endpoints, system, manifest, assetsDir, routerUrl: system.url, siteUrl, baselineUrl, staticPages, serveApp, stop: cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}
