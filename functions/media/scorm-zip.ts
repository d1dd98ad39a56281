import { posix } from 'node:path'
import { pipeline, Transform, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { formatBytes, MB } from './kinds.ts'
import type { RefusalReason } from './refusals.ts'
import { maxManifestBytes, parseManifest, type ScormManifest } from './scorm-manifest.ts'

/**
 * Walks a SCORM zip (a local file: yauzl reads the central directory at its end, then each entry by offset) and
 * refuses what must never be unpacked: names that are absolute, climb out with `..`, hold backslashes, drive
 * letters or control characters; links and other special files (the Unix mode in the external attributes);
 * encrypted entries; too many files; and entries or totals too large, counted in the bytes actually inflated, so
 * a zip whose headers lie (a zip bomb) is stopped as soon as it passes a cap, whatever it claims.
 */

export const scormLimits = {
  maxFiles: 2000,
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 500 * MB,
  /** No file in a real course inflates to more than this many times its compressed size (text is ~10×). */
  maxRatio: 200,
  /** Small files may compress far better (an empty page, a blank image); the ratio counts beyond this. */
  ratioAllowanceBytes: MB,
  /** S3 keys are at most 1,024 bytes, with the prefix `tenants/{tenant}/media/{id}/scorm/` in front. */
  maxNameBytes: 500,
} as const

export interface ZipRefusal {
  reason: RefusalReason
  problem: string
}

/** What a visitor is handed for each file: its normalised path in the package and its bytes as a stream. */
export type FileVisitor = (file: { name: string; bytes: number }, open: () => Promise<Readable>) => Promise<void>

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000

class Refused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.problem)
  }
}
const refuse = (reason: RefusalReason, problem: string): never => {
  throw new Refused({ reason, problem })
}

const shown = (name: string) => JSON.stringify(name.length > 120 ? `${name.slice(0, 117)}…` : name)

/** The entry's name, checked and normalised (NFC, `a//b` and `./a` tidied); undefined for a folder. */
function nameOf(entry: Entry): string | undefined {
  // Strict: a backslash stays a backslash here, and is refused, rather than being turned into a separator.
  const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true)
  if (raw.includes('\\')) refuse('zip_unsafe_path', `The zip holds a file name with a backslash (${shown(raw)}). Zip the package again with a standard tool.`)
  if (/^[a-zA-Z]:/.test(raw) || raw.startsWith('/')) refuse('zip_unsafe_path', `The zip holds an absolute path (${shown(raw)}). Files in a package must have paths inside it.`)
  if (raw.split('/').includes('..')) refuse('zip_unsafe_path', `The zip holds a path that climbs out of the package with '..' (${shown(raw)}).`)
  if (/[\u0000-\u001f\u007f]/.test(raw)) refuse('zip_unsafe_path', `The zip holds a file name with control characters (${shown(raw)}).`)
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
  if (mode === S_IFLNK) refuse('zip_link', `The zip holds a symbolic link (${shown(raw)}). A package must contain only ordinary files.`)
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) refuse('zip_link', `The zip holds a special file that is not an ordinary file (${shown(raw)}).`)
  if (raw.endsWith('/')) return undefined
  const name = posix.normalize(raw.normalize('NFC')).replace(/^\.\//, '')
  if (name === '.' || name.startsWith('../')) refuse('zip_unsafe_path', `The zip holds a path outside the package (${shown(raw)}).`)
  if (Buffer.byteLength(name) > scormLimits.maxNameBytes) refuse('zip_unsafe_path', `The zip holds a file name longer than ${scormLimits.maxNameBytes} bytes (${shown(name)}).`)
  return name
}

const tooLarge = (what: string, max: number) =>
  refuse('zip_too_large', `${what} unpacks to more than ${formatBytes(max)}; a package may hold at most ${formatBytes(scormLimits.maxEntryBytes)} per file and ${formatBytes(scormLimits.maxTotalBytes)} in all. Make the package smaller (compress the films, or host them as films on Kompetansebroen).`)

/**
 * Opens the entry's bytes through a counter that stops them the moment a cap is passed: the file's own, the
 * package's total, or the ratio to its compressed size. The count is of bytes that came out of the inflater.
 */
function countedStream(zip: ZipFile, entry: Entry, name: string, totals: { bytes: number }): Promise<Readable> {
  return zip.openReadStreamPromise(entry).then((inflated) => {
    let bytes = 0
    const ratioCap = entry.compressedSize * scormLimits.maxRatio + scormLimits.ratioAllowanceBytes
    // A transform, not a 'data' listener: the bytes wait for whoever reads them (a drain, or S3's upload).
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length
        totals.bytes += chunk.length
        try {
          if (bytes > scormLimits.maxEntryBytes) tooLarge(`The file ${shown(name)}`, scormLimits.maxEntryBytes)
          if (totals.bytes > scormLimits.maxTotalBytes) tooLarge('The package', scormLimits.maxTotalBytes)
          if (bytes > ratioCap)
            refuse('zip_bomb', `The file ${shown(name)} inflates to far more than its packed size (over ${scormLimits.maxRatio} to 1): the zip looks built to exhaust the server (a zip bomb).`)
          callback(null, chunk)
        } catch (error) {
          callback(error as Error)
        }
      },
    })
    // Either side's error ends both: a cap passed stops the inflater, yauzl's own objection reaches the reader.
    pipeline(inflated, counter, () => {})
    return counter
  })
}

/** yauzl's own objections (damaged data, sizes that disagree with the headers) as a refusal. */
function unreadable(error: Error, name?: string): ZipRefusal {
  if (/too many bytes in the stream/.test(error.message))
    return { reason: 'zip_bomb', problem: `The file ${shown(name ?? '')} inflates to more than its header says: the zip looks built to exhaust the server (a zip bomb).` }
  return { reason: 'unreadable', problem: `The zip could not be read${name ? ` at ${shown(name)}` : ''} (${error.message.slice(0, 160)}). Export the package again.` }
}

/**
 * Visits every file of the zip in order, each checked before the visitor sees it. The visitor must consume (or
 * upload) the stream it opens; its counting enforces the caps while it does. Answers the refusal, or undefined.
 */
export async function walkZip(file: string, visit: FileVisitor): Promise<ZipRefusal | undefined> {
  let zip: ZipFile
  try {
    zip = await yauzl.openPromise(file, { decodeStrings: false, validateEntrySizes: true, strictFileNames: true, autoClose: false })
  } catch (error) {
    return { reason: 'unreadable', problem: `The file is not a zip that can be read (${(error as Error).message.slice(0, 160)}). Export the package again.` }
  }
  let current: string | undefined
  try {
    // The central directory's count, before a single entry is read: 10,000 files are refused at once.
    if (zip.entryCount > scormLimits.maxFiles)
      refuse('zip_too_many_files', `The zip holds ${zip.entryCount} files and folders; a package may hold at most ${scormLimits.maxFiles}. Remove what the course does not use and export it again.`)
    const seen = new Set<string>()
    const totals = { bytes: 0, declared: 0 }
    for await (const entry of zip.eachEntry()) {
      const name = nameOf(entry)
      if (name === undefined) continue
      current = name
      if (seen.has(name)) refuse('zip_unsafe_path', `The zip holds ${shown(name)} twice. Zip the package again.`)
      seen.add(name)
      if (entry.isEncrypted()) refuse('unreadable', `The file ${shown(name)} is encrypted. Export the package without a password.`)
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        refuse('unreadable', `The file ${shown(name)} is compressed with a method other than deflate. Zip the package again with a standard tool.`)
      // The headers first (cheap); the bytes are counted again as they inflate, since headers can lie.
      totals.declared += entry.uncompressedSize
      if (entry.uncompressedSize > scormLimits.maxEntryBytes) tooLarge(`The file ${shown(name)}`, scormLimits.maxEntryBytes)
      if (totals.declared > scormLimits.maxTotalBytes) tooLarge('The package', scormLimits.maxTotalBytes)
      await visit({ name, bytes: entry.uncompressedSize }, () => countedStream(zip, entry, name, totals))
    }
    return undefined
  } catch (error) {
    if (error instanceof Refused) return error.refusal
    if ((error as { $metadata?: unknown }).$metadata) throw error
    return unreadable(error as Error, current)
  } finally {
    zip.close()
  }
}

async function drain(stream: Readable): Promise<void> {
  stream.resume()
  await finished(stream)
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export interface CheckedPackage {
  manifest: ScormManifest
  fileCount: number
  bytes: number
}

/**
 * The whole check, before anything is written: every entry inflated and counted, the manifest at the root
 * parsed, and its launch page found among the files. `filename` titles a package whose manifest names none.
 */
export async function checkScormZip(file: string, filename: string): Promise<CheckedPackage | ZipRefusal> {
  const names = new Set<string>()
  let manifestXml: Buffer | undefined
  let bytes = 0
  const refusal = await walkZip(file, async (entry, open) => {
    names.add(entry.name)
    bytes += entry.bytes
    if (entry.name !== 'imsmanifest.xml') return drain(await open())
    if (entry.bytes > maxManifestBytes) refuse('scorm_manifest_invalid', `imsmanifest.xml is larger than ${formatBytes(maxManifestBytes)}. Export the package again.`)
    manifestXml = await collect(await open())
  })
  if (refusal) return refusal
  if (!manifestXml) {
    const nested = [...names].find((name) => name.endsWith('/imsmanifest.xml'))
    return {
      reason: 'scorm_manifest_missing',
      problem: nested
        ? `imsmanifest.xml is in the folder '${nested.slice(0, -'/imsmanifest.xml'.length).slice(0, 120)}', not at the root of the zip. Zip the contents of that folder, not the folder itself.`
        : 'The zip has no imsmanifest.xml at its root, so it is not a SCORM package. Export the course as SCORM 1.2 or SCORM 2004.',
    }
  }
  let xml: string
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(manifestXml).replace(/^\uFEFF/, '')
  } catch {
    return { reason: 'scorm_manifest_invalid', problem: 'imsmanifest.xml is not UTF-8 text. Export the package again.' }
  }
  const manifest = parseManifest(xml, filename.replace(/\.zip$/i, ''))
  if ('problem' in manifest) return manifest
  if (!names.has(manifest.launchFile))
    return { reason: 'scorm_launch_missing', problem: `The manifest launches '${manifest.launchFile.slice(0, 200)}', which is not in the zip. Export the package again.` }
  return { manifest, fileCount: names.size, bytes }
}
