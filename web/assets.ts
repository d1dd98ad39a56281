import * as z from 'zod'

/**
 * Maps a logical asset name ("site.css") to its hashed public path ("/assets/site-5HX2.css").
 * Produced by web/build.ts; read by the site to write <link>/<script> tags.
 */
export const assetManifestSchema = z.record(z.string(), z.string().regex(/^\/assets\//))
export type AssetManifest = z.infer<typeof assetManifestSchema>

export const parseAssetManifest = (json: string): AssetManifest => assetManifestSchema.parse(JSON.parse(json))
