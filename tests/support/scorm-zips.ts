import { Readable } from 'node:stream'
import { ZipFile } from 'yazl'

/**
 * SCORM zips for tests, written with yazl (a streaming zip writer): a small good package, and hostile ones built
 * the way an attacker would, each small on disk. Names yazl refuses to write (`../x`, `/etc/x`) are written as
 * same-length harmless names and patched in the finished bytes, which changes no offset.
 */

export const manifest12 = (options: { launch?: string; mastery?: number; title?: string } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title ?? 'Testkurs'}</title>
      <item identifier="i1" identifierref="r1"><title>Leksjon</title>${options.mastery === undefined ? '' : `<adlcp:masteryscore>${options.mastery}</adlcp:masteryscore>`}</item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="${options.launch ?? 'index.html'}"><file href="index.html"/></resource>
  </resources>
</manifest>`

export const manifest2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Kurs 2004</title>
      <item identifier="i1" identifierref="r1"><title>Del 1</title>
        <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" xml:base="content/" href="start.html?lang=nb"><file href="content/start.html"/></resource>
  </resources>
</manifest>`

type Entry = { name: string; data?: Buffer | string; mode?: number; stream?: () => Readable; compressionLevel?: number }

/** The finished zip's bytes. */
export async function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new ZipFile()
  for (const entry of entries) {
    const options = { mtime: new Date('2026-01-01T00:00:00Z'), ...(entry.mode === undefined ? {} : { mode: entry.mode }), ...(entry.compressionLevel === undefined ? {} : { compressionLevel: entry.compressionLevel }) }
    if (entry.stream) zip.addReadStream(entry.stream(), entry.name, options)
    else zip.addBuffer(Buffer.from(entry.data ?? ''), entry.name, options)
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A small good SCORM 1.2 package: manifest, launch page, a script and a picture in a folder. */
export const goodPackage = (options: Parameters<typeof manifest12>[0] = {}) =>
  zipOf([
    { name: 'imsmanifest.xml', data: manifest12(options) },
    { name: 'index.html', data: '<!doctype html><html lang="nb"><title>Test</title><script src="js/app.js"></script><p>Hei</p></html>' },
    { name: 'js/app.js', data: 'window.loaded = true' },
    { name: 'bilder/tom.svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  ])

/** Same-length replacement of a name everywhere it is written (local header and central directory). */
export function renamed(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length')
  const out = Buffer.from(zip)
  const needle = Buffer.from(from)
  let at = out.indexOf(needle)
  if (at < 0) throw new Error(`${from} is not in the zip`)
  while (at >= 0) {
    Buffer.from(to).copy(out, at)
    at = out.indexOf(needle, at + needle.length)
  }
  return out
}

/** `bytes` zeros as a stream of 16 MB chunks, never all in memory. */
export function zeros(bytes: number): () => Readable {
  return () => {
    const chunk = Buffer.alloc(16 * 1024 * 1024)
    let left = bytes
    return new Readable({
      read() {
        if (left <= 0) return void this.push(null)
        const next = Math.min(left, chunk.length)
        left -= next
        this.push(next === chunk.length ? chunk : chunk.subarray(0, next))
      },
    })
  }
}

/**
 * Rewrites the sizes an entry's headers declare (local header, data descriptor and central directory) to
 * `declared`, leaving its compressed bytes as they are: a zip whose headers lie about what it inflates to.
 */
export function lyingAboutSize(zip: Buffer, name: string, declared: number): Buffer {
  const out = Buffer.from(zip)
  const nameBytes = Buffer.from(name)
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = out.readUInt32LE(at)
    if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(declared, at + 24)
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(declared, at + 22)
  }
  return out
}
