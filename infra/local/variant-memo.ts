import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EncodedVariant, VariantMemo } from '../../functions/media/variants.ts'
import { variantFormats, type VariantFormat } from '../../functions/media/paths.ts'

/** Beside the installed packages, where tools keep their caches: never committed, gone with a fresh `npm ci`. */
export const variantMemoDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/kompetansebroen/variants')

/**
 * The demo seed's pictures encoded once per machine (functions/media/variants.ts VariantMemo): every seeded
 * test system and every fresh `.data/` otherwise spends ~17 s of CPU encoding the same AVIF and WebP again.
 * One folder per digest, written under a temporary name and renamed, so two seeding processes never read half
 * a set.
 */
export function diskVariantMemo(directory = variantMemoDirectory): VariantMemo {
  return {
    async get(digest) {
      const folder = join(directory, digest)
      let names: string[]
      try {
        names = await readdir(folder)
      } catch {
        return undefined
      }
      return Promise.all(
        names.map(async (name): Promise<EncodedVariant> => {
          const [width, format] = name.split('.') as [string, VariantFormat]
          if (!variantFormats.includes(format)) throw new Error(`Unexpected file in the variant memo: ${join(folder, name)}`)
          return { width: Number(width), format, body: new Uint8Array(await readFile(join(folder, name))) }
        }),
      )
    },
    async put(digest, variants) {
      const partial = join(directory, `${digest}.${process.pid}.${Date.now()}.partial`)
      await mkdir(partial, { recursive: true })
      await Promise.all(variants.map((variant) => writeFile(join(partial, `${variant.width}.${variant.format}`), variant.body)))
      // Another process may have put the same set meanwhile: theirs is as good as ours.
      await rename(partial, join(directory, digest)).catch(() => rm(partial, { recursive: true, force: true }))
    },
  }
}
