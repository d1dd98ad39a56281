import type * as esbuild from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The service worker's fixed name: it must stay at one URL (`/sw.js`, infra/definitions.ts serviceWorkerPath). */
export const serviceWorkerFile = 'sw.js'

/**
 * How web/build.ts builds the service worker: one classic script (every browser with service workers runs it;
 * module workers are newer), unhashed beside the hashed assets, with Workbox's production code only (its development
 * logging is behind process.env.NODE_ENV).
 */
export const serviceWorkerBuild = (outDir: string): esbuild.BuildOptions => ({
  entryPoints: { sw: join(dirname(fileURLToPath(import.meta.url)), 'sw.ts') },
  outdir: outDir,
  entryNames: '[name]',
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
})
