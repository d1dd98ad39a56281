import { randomBytes } from 'node:crypto'
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { beforeAll, describe, expect, it } from 'vitest'
import { scormPrefix } from '../../../functions/media/keys.ts'
import { goodPackage, lyingAboutSize, manifest12, manifest2004, renamed, zeros, zipOf } from '../../support/scorm-zips.ts'
import { createMediaTestApp, type MediaTestApp } from './support.ts'

/**
 * SCORM zips through the real path: presigned POST to s3rver, confirm, the media worker's event, DynamoDB Local.
 * A hostile zip is refused with its reason, and the bucket is listed to prove nothing of it is left anywhere.
 */
describe('SCORM packages in the media worker', () => {
  let t: MediaTestApp
  beforeAll(async () => {
    t = await createMediaTestApp('media-scorm')
  })

  const list = async (prefix: string) => {
    const { Contents = [] } = await t.services.clients.s3.send(new ListObjectsV2Command({ Bucket: t.config.mediaBucket, Prefix: prefix }))
    return Contents.map((object) => object.Key!)
  }
  const uploadZip = (bytes: Uint8Array, filename = 'kurs.zip') => t.upload('innlandet', { kind: 'scorm', filename, contentType: 'application/zip', bytes })

  /** Uploads a zip that must be refused: the reason, and nothing under its media id, staged or public. */
  async function refused(bytes: Uint8Array) {
    const { media, answer } = await uploadZip(bytes)
    expect(media.status).toBe('refused')
    expect(await list(`tenants/innlandet/media/${answer.mediaId}/`)).toEqual([])
    expect(await list(`uploads/innlandet/${answer.mediaId}/`)).toEqual([])
    return media
  }

  it('unpacks a good SCORM 1.2 package under its own prefix, typed and immutable, and records what the manifest says', async () => {
    const { media, answer } = await uploadZip(await goodPackage({ mastery: 80 }))
    expect(media).toMatchObject({ status: 'ready', kind: 'scorm', scorm: { version: '1.2', launch: 'index.html', title: 'Testkurs', masteryPercent: 80, fileCount: 4 } })
    const prefix = scormPrefix('innlandet', answer.mediaId)
    expect((await list(prefix)).sort()).toEqual([`${prefix}bilder/tom.svg`, `${prefix}imsmanifest.xml`, `${prefix}index.html`, `${prefix}js/app.js`])
    const page = await t.services.clients.s3.send(new GetObjectCommand({ Bucket: t.config.mediaBucket, Key: `${prefix}index.html` }))
    expect(page.ContentType).toBe('text/html; charset=utf-8')
    expect(page.CacheControl).toBe('public, max-age=31536000, immutable')
    expect(await page.Body!.transformToString()).toContain('<p>Hei</p>')
    const script = await t.services.clients.s3.send(new GetObjectCommand({ Bucket: t.config.mediaBucket, Key: `${prefix}js/app.js` }))
    expect(script.ContentType).toMatch(/^(application|text)\/javascript/)
    expect(media.scorm!.unpackedBytes).toBe(Number(page.ContentLength) + Number(script.ContentLength) + manifest12({ mastery: 80 }).length + '<svg xmlns="http://www.w3.org/2000/svg"/>'.length)
  })

  it('reads a SCORM 2004 manifest: xml:base and the query on the launch page, the mastery score from the primary objective', async () => {
    const { media } = await uploadZip(await zipOf([{ name: 'imsmanifest.xml', data: manifest2004 }, { name: 'content/start.html', data: '<!doctype html><title>2004</title>' }]))
    expect(media).toMatchObject({ status: 'ready', scorm: { version: '2004', launch: 'content/start.html?lang=nb', title: 'Kurs 2004', masteryPercent: 75, fileCount: 2 } })
  })

  it('unpacks a larger file byte for byte', async () => {
    const film = randomBytes(3 * 1024 * 1024)
    const { media, answer } = await uploadZip(await zipOf([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: 'hei' }, { name: 'media/film.mp4', data: film }]))
    expect(media.status).toBe('ready')
    const object = await t.services.clients.s3.send(new GetObjectCommand({ Bucket: t.config.mediaBucket, Key: `${scormPrefix('innlandet', answer.mediaId)}media/film.mp4` }))
    expect(object.ContentType).toBe('video/mp4')
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(film)).toBe(true)
  })

  it('deletes the unpacked files with the media item', async () => {
    const { answer } = await uploadZip(await goodPackage())
    expect(await list(scormPrefix('innlandet', answer.mediaId))).toHaveLength(4)
    expect((await t.call('innlandet', 'DELETE', `/innlandet/media/${answer.mediaId}`)).status).toBe(204)
    expect(await list(`tenants/innlandet/media/${answer.mediaId}/`)).toEqual([])
  })

  it('refuses a path that climbs out with ../', async () => {
    const zip = renamed(await goodPackage(), 'bilder/tom.svg', '../../evil.svg')
    expect(await refused(zip)).toMatchObject({ reason: 'zip_unsafe_path', problem: expect.stringContaining("climbs out of the package with '..'") })
  })

  it('refuses an absolute path and a drive letter', async () => {
    const absolute = renamed(await goodPackage(), 'bilder/tom.svg', '/etc/cron.d/xx')
    expect(await refused(absolute)).toMatchObject({ reason: 'zip_unsafe_path', problem: expect.stringContaining('absolute path') })
    const drive = renamed(await goodPackage(), 'bilder/tom.svg', 'C:/Windows/x.s')
    expect(await refused(drive)).toMatchObject({ reason: 'zip_unsafe_path' })
  })

  it('refuses a backslash in a name rather than reading it as a folder', async () => {
    const zip = renamed(await goodPackage(), 'bilder/tom.svg', '..\\..\\evil.svg')
    expect(await refused(zip)).toMatchObject({ reason: 'zip_unsafe_path', problem: expect.stringContaining('backslash') })
  })

  it('refuses a symbolic link', async () => {
    const zip = await zipOf([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: '/etc/passwd', mode: 0o120777 }])
    expect(await refused(zip)).toMatchObject({ reason: 'zip_link', problem: expect.stringContaining('symbolic link') })
  })

  it('refuses 10,000 files from the central directory, before reading one', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ name: `f/${i}.txt`, data: 'x' }))
    const zip = await zipOf([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: 'hei' }, ...entries])
    expect(await refused(zip)).toMatchObject({ reason: 'zip_too_many_files', problem: expect.stringContaining('10002 files') })
  })

  it('refuses 2 GB unpacked: by the header that says so, and by the bytes inflated when the header lies', { timeout: 60_000 }, async () => {
    const bomb = await zipOf([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: 'hei' }, { name: 'film.bin', stream: zeros(2 * 1024 ** 3), compressionLevel: 9 }])
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024)
    expect(await refused(bomb)).toMatchObject({ reason: 'zip_too_large', problem: expect.stringContaining('"film.bin" unpacks to more than 200 MB') })
    // The same bytes, its headers saying 1 KB: stopped once more comes out of the inflater than was declared.
    expect(await refused(lyingAboutSize(bomb, 'film.bin', 1024))).toMatchObject({ reason: 'zip_bomb' })
  })

  it('refuses an entry that inflates a thousandfold even when its size is honest and under the caps', { timeout: 30_000 }, async () => {
    const zip = await zipOf([{ name: 'imsmanifest.xml', data: manifest12() }, { name: 'index.html', data: 'hei' }, { name: 'blank.bmp', stream: zeros(150 * 1024 ** 2), compressionLevel: 9 }])
    expect(await refused(zip)).toMatchObject({ reason: 'zip_bomb', problem: expect.stringContaining('"blank.bmp"') })
  })

  it('refuses a zip that is not a SCORM package, one zipped a folder too deep, and one whose launch page is missing', async () => {
    expect(await refused(await zipOf([{ name: 'index.html', data: 'hei' }]))).toMatchObject({ reason: 'scorm_manifest_missing' })
    const nested = await zipOf([{ name: 'kurs/imsmanifest.xml', data: manifest12() }, { name: 'kurs/index.html', data: 'hei' }])
    expect(await refused(nested)).toMatchObject({ reason: 'scorm_manifest_missing', problem: expect.stringContaining("in the folder 'kurs'") })
    const missing = await zipOf([{ name: 'imsmanifest.xml', data: manifest12({ launch: 'start.html' }) }, { name: 'index.html', data: 'hei' }])
    expect(await refused(missing)).toMatchObject({ reason: 'scorm_launch_missing', problem: expect.stringContaining("'start.html'") })
    const escaping = await zipOf([{ name: 'imsmanifest.xml', data: manifest12({ launch: '../../index.html' }) }, { name: 'index.html', data: 'hei' }])
    expect(await refused(escaping)).toMatchObject({ reason: 'scorm_launch_missing' })
    const entity = await zipOf([{ name: 'imsmanifest.xml', data: `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]>${manifest12().replace(/^<\?xml[^>]*>/, '')}` }, { name: 'index.html', data: 'hei' }])
    expect(await refused(entity)).toMatchObject({ reason: 'scorm_manifest_invalid' })
    const unknown = await zipOf([{ name: 'imsmanifest.xml', data: '<manifest identifier="x"><resources/></manifest>' }, { name: 'index.html', data: 'hei' }])
    expect(await refused(unknown)).toMatchObject({ reason: 'scorm_version_unknown' })
  })

  it('refuses what is not a zip at all under a .zip name', async () => {
    expect(await refused(Buffer.from('PK\u0003\u0004 not really a zip, just its first bytes'))).toMatchObject({ status: 'refused' })
  })
})
