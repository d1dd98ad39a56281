import * as esbuild from 'esbuild'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AssetManifest } from './assets.ts'
import { scormPlayers, writeScormPlayerPages } from './scorm/pages.ts'
import { appIconSizes } from './icons/sizes.ts'
import { serviceWorkerBuild } from './sw/build.ts'

const root = dirname(fileURLToPath(import.meta.url))
const repoRoot = join(root, '..')

/** Where the hashed browser assets go; CDK deploys this folder to the assets bucket under `assets/`. */
export const assetsOutDir = join(root, '..', 'dist', 'web', 'assets')
export const manifestPath = join(root, '..', 'dist', 'web', 'manifest.json')

/** Browser entry points: logical name → source. Islands are picked up from web/islands/ as they are written. */
export const entryPoints: Record<string, string> = {
  site: join(root, 'styles', 'site.css'),
  // The embeddable pages' own small stylesheet (issue 18): other sites frame them, so they carry nothing else.
  embed: join(root, 'styles', 'embed.css'),
  // The editor workspace: one single-page app, loaded only under /redaktor.
  ...(existsSync(join(root, 'editor', 'main.tsx')) ? { editor: join(root, 'editor', 'main.tsx') } : {}),
  ...Object.fromEntries(
    (existsSync(join(root, 'islands')) ? readdirSync(join(root, 'islands')) : [])
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
      .map((file) => [basename(file).replace(/\.tsx?$/, ''), join(root, 'islands', file)]),
  ),
  // The SCORM player, served only from the SCORM origin (web/scorm/, infra/definitions.ts scormOrigin).
  ...Object.fromEntries(scormPlayers.map((name) => [name, join(root, 'scorm', `${name}.ts`)])),
  // The web app's icons (issue 14, drawn by web/icons/draw.ts), copied under a hashed name for the app manifest.
  ...Object.fromEntries(appIconSizes.map((size) => [`icon-${size}`, join(root, 'icons', `icon-${size}.png`)])),
  // The tab's icon for the reader site and the workspace (issue 17): the same bridge in the brand's blue, as SVG
  // (~0.4 KB), hashed and cached forever like every asset; CSP's img-src 'self' covers it.
  favicon: join(root, 'icons', 'favicon.svg'),
}

const options = (outDir = assetsOutDir): esbuild.BuildOptions => ({
  entryPoints,
  absWorkingDir: repoRoot,
  outdir: outDir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  // No shared chunks: the editor workspace must never weigh on reader pages, and islands stay self-contained.
  splitting: false,
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.png': 'copy', '.svg': 'copy' },
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
})

function writeManifest(metafile: esbuild.Metafile, outDir = assetsOutDir): AssetManifest {
  const manifest: AssetManifest = {}
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (!meta.entryPoint || output.endsWith('.map')) continue
    const name = Object.entries(entryPoints).find(([, source]) => relative(repoRoot, source) === meta.entryPoint)?.[0]
    if (!name) continue
    const extension = output.slice(output.lastIndexOf('.'))
    manifest[`${name}${extension}`] = `/assets/${relative(outDir, join(repoRoot, output))}`
    // CSS imported by a script entry comes out beside it as its own file.
    if (meta.cssBundle) manifest[`${name}.css`] = `/assets/${relative(outDir, join(repoRoot, meta.cssBundle))}`
  }
  writeScormPlayerPages(manifest, outDir)
  if (outDir === assetsOutDir) {
    mkdirSync(dirname(manifestPath), { recursive: true })
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  }
  return manifest
}

/**
 * One clean build into `outDir` (dist/web/assets by default); returns the manifest. Callers that may run at
 * the same time as another build (tests, synth) pass a folder of their own.
 */
export async function buildWeb(outDir = assetsOutDir): Promise<AssetManifest> {
  rmSync(outDir, { recursive: true, force: true })
  const result = await esbuild.build(options(outDir))
  // The service worker (issue 14): unhashed, served at /sw.js with no-cache (infra/stacks/cdn.ts, infra/local/router.ts).
  await esbuild.build({ ...serviceWorkerBuild(outDir), absWorkingDir: repoRoot })
  return writeManifest(result.metafile!, outDir)
}

/** Rebuilds on every change to web/ while `npm start` runs; `onBuild` receives each new manifest. */
export async function watchWeb(onBuild: (manifest: AssetManifest) => void): Promise<() => Promise<void>> {
  rmSync(assetsOutDir, { recursive: true, force: true })
  const context = await esbuild.context({
    ...options(),
    plugins: [
      {
        name: 'manifest',
        setup(build) {
          build.onEnd((result) => {
            if (result.metafile && result.errors.length === 0) onBuild(writeManifest(result.metafile))
          })
        },
      },
    ],
  })
  const serviceWorker = await esbuild.context({ ...serviceWorkerBuild(assetsOutDir), absWorkingDir: repoRoot })
  await Promise.all([context.watch(), serviceWorker.watch()])
  return () => Promise.all([context.dispose(), serviceWorker.dispose()]).then(() => undefined)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = await buildWeb()
  console.log(`Built ${Object.keys(manifest).length} assets into ${relative(repoRoot, assetsOutDir)}`)
}
