/**
 * Maps a logical asset name ("site.css") to its hashed public path ("/assets/site-5HX2.css").
 * Produced by web/build.ts; read by the site to write <link>/<script> tags.
 */
export type AssetManifest = Record<string, string>

/**
 * The manifest CDK puts in the functions' ASSETS variable. A bad one is a deployment mistake, so it stops
 * the function at init with the reason rather than rendering pages with broken links.
 */
export function parseAssetManifest(json: string): AssetManifest {
  const manifest: unknown = JSON.parse(json)
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new Error('ASSETS must be a JSON object')
  for (const [name, path] of Object.entries(manifest))
    if (typeof path !== 'string' || !path.startsWith('/assets/')) throw new Error(`ASSETS: ${name} must map to a path under /assets/`)
  return manifest as AssetManifest
}
