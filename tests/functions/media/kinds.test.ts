import { describe, expect, it } from 'vitest'
import { objectKey, safeFileName } from '../../../functions/media/keys.ts'
import { contentTypeFor, describeContent, formatBytes, MB, uploadProblem } from '../../../functions/media/kinds.ts'
import { mediaPathsIn, usageWrites } from '../../../functions/media/usage.ts'
import type { ApiError } from '../../../functions/shared/errors.ts'

describe('upload rules per kind', () => {
  it.each([
    ['image', 'bilde.jpg', 'image/jpeg', 15 * MB],
    ['image', 'Bilde.JPEG', 'image/jpeg', 1],
    ['image', 'plakat.png', 'image/png', 1000],
    ['image', 'plakat.webp', 'image/webp', 1000],
    ['audio', 'episode.mp3', 'audio/mpeg', 500 * MB],
    ['audio', 'episode.m4a', 'audio/mp4', 1000],
    ['audio', 'episode.m4a', 'audio/x-m4a', 1000],
    ['video', 'film.mp4', 'video/mp4', 5 * 1024 * MB],
    ['captions', 'film.vtt', 'text/vtt', 2 * MB],
    ['document', 'veileder.pdf', 'application/pdf', 50 * MB],
  ] as const)('accepts %s %s (%s, %i bytes)', (kind, filename, contentType, size) => {
    expect(uploadProblem({ kind, filename, contentType, size })).toBeUndefined()
  })

  it.each([
    ['image', 'bilde.gif', 'image/gif', 10, 'image/gif is not accepted for image uploads. Upload a JPEG, PNG or WebP image.'],
    ['audio', 'lyd.wav', 'audio/wav', 10, 'audio/wav is not accepted for audio uploads. Upload an MP3 or M4A file.'],
    ['video', 'film.mp4', 'audio/mpeg', 10, 'audio/mpeg is not accepted for video uploads. Upload an MP4 video.'],
    ['image', 'bilde.png', 'image/jpeg', 10, "The file name 'bilde.png' does not fit image/jpeg: it should end in .jpg or .jpeg."],
    ['captions', 'tekst', 'text/vtt', 10, "The file name 'tekst' does not fit text/vtt: it should end in .vtt."],
    ['image', 'stort.png', 'image/png', 15 * MB + 1, 'Images can be at most 15728640 bytes (15 MB); this file is 15728641 bytes.'],
    ['captions', 'film.vtt', 'text/vtt', 3 * MB, 'Captions and transcripts can be at most 2 MB; this file is 3 MB.'],
    ['document', 'bok.pdf', 'application/pdf', 60.5 * MB, 'Documents can be at most 50 MB; this file is 60.5 MB.'],
  ] as const)('refuses %s %s (%s) saying what to do', (kind, filename, contentType, size, message) => {
    expect(uploadProblem({ kind, filename, contentType, size })).toContain(message)
  })

  it('names a type from the file name for browsers that report none', () => {
    expect(contentTypeFor('captions', 'Film.VTT')).toBe('text/vtt')
    expect(contentTypeFor('audio', 'episode.m4a')).toBe('audio/mp4')
    expect(contentTypeFor('image', 'film.mp4')).toBeUndefined()
  })

  it('describes sizes and sniffed content in words', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(15 * MB), formatBytes(5 * 1024 * MB)]).toEqual(['512 bytes', '2 KB', '15 MB', '5 GB'])
    expect(describeContent({ ext: 'png', mime: 'image/png' })).toBe('a PNG image')
    expect(describeContent({ ext: 'exe', mime: 'application/x-msdownload' })).toBe('EXE data (application/x-msdownload)')
    expect(describeContent(undefined)).toBe('not in a format we recognise')
  })
})

describe('object keys', () => {
  it.each([
    ['Blåbær på Ørland.PNG', 'blabaer-pa-orland.png'],
    ['Æ Ø Å.jpg', 'ae-o-a.jpg'],
    ['Café – résumé (endelig) v2.pdf', 'cafe-resume-endelig-v2.pdf'],
    ['C:\\Users\\kari\\Desktop\\film.mp4', 'film.mp4'],
    ['../../etc/passwd', 'passwd'],
    ['<script>alert(1)</script>.vtt', 'script.vtt'],
    ['Møte 12:30 "ny" & gammel.PDF', 'mote-12-30-ny-gammel.pdf'],
    ['.vtt', 'vtt'],
    ['???.mp3', 'fil.mp3'],
  ])('%s → %s', (name, safe) => {
    expect(safeFileName(name)).toBe(safe)
  })

  it('puts the tenant first and the media id before the file name', () => {
    expect(objectKey('innlandet', '01JD0000000000000000000000', 'Foto 1.JPG')).toBe('tenants/innlandet/media/01JD0000000000000000000000/foto-1.jpg')
  })
})

describe('media paths in items', () => {
  const path = (tenant: string, id: string) => `/media/tenants/${tenant}/media/${id}/fil.png`
  const [a, b, c] = ['01JD00000000000000000000AA', '01JD00000000000000000000BB', '01JD00000000000000000000CC']

  it('finds every uploaded-media path, however deep, once, and nothing that is not exactly one', () => {
    const item = {
      image: { src: path('innlandet', a), alt: 'x' },
      body: { type: 'doc', content: [{ type: 'image', attrs: { src: path('innlandet', b) } }, { type: 'text', text: 'see /media/tenants/ later' }] },
      episodes: [{ audio: { src: path('innlandet', a) } }, { transcript: '/media/tenants/innlandet/media/demo-podkast-x-1/t.vtt' }],
      title: 'Ikke en sti',
    }
    expect(mediaPathsIn(item)).toEqual([path('innlandet', a), path('innlandet', b)].sort())
  })

  it('writes only the difference: a checked Put per new use, a Delete per dropped one', () => {
    const writes = usageWrites('innlandet', 'ITEM1', [path('innlandet', a), path('innlandet', b)], [path('innlandet', b), path('innlandet', c), '/media/tenants/x/media/demo/y.png'])
    expect(writes).toEqual([
      { ConditionCheck: expect.objectContaining({ Key: { PK: 'TENANT#innlandet', SK: `MEDIA#${c}` }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }) },
      { Put: { Item: { PK: 'TENANT#innlandet', SK: `MEDIAUSE#${c}#ITEM1`, mediaId: c, itemId: 'ITEM1', itemTenant: 'innlandet' } } },
      { Delete: { Key: { PK: 'TENANT#innlandet', SK: `MEDIAUSE#${a}#ITEM1` } } },
    ])
    expect(usageWrites('innlandet', 'ITEM1', [path('innlandet', a)], [path('innlandet', a)])).toEqual([])
  })

  it("refuses another edition's file with invalid_media, naming nothing of it", () => {
    const refused = (() => {
      try {
        usageWrites('innlandet', 'ITEM1', [], [path('innlandet', a), path('vestfold', c)])
      } catch (error) {
        return error as ApiError
      }
    })()
    expect(refused).toMatchObject({ status: 400, code: 'invalid_media' })
    expect(refused?.message).not.toMatch(/vestfold|CC/)
  })
})
