import { describe, expect, it } from 'vitest'
import type { Media } from '../../../functions/media/schema.ts'
import { planUpload, UploadError, waitUntilChecked } from '../../../web/editor/media/upload.ts'
import { uploadText } from '../../../web/editor/text.ts'

const file = (name: string, type: string, size = 1000) => ({ name, type, size })

describe('upload planning', () => {
  it('finds the kind and type the API expects, also when the browser reports no type', () => {
    expect(planUpload(file('bilde.jpg', 'image/jpeg'))).toEqual({ kind: 'image', contentType: 'image/jpeg' })
    expect(planUpload(file('undertekst.vtt', ''))).toEqual({ kind: 'captions', contentType: 'text/vtt' })
    expect(planUpload(file('episode.m4a', 'audio/x-m4a'))).toEqual({ kind: 'audio', contentType: 'audio/x-m4a' })
    expect(planUpload(file('film.mp4', 'video/mp4'))).toEqual({ kind: 'video', contentType: 'video/mp4' })
    expect(planUpload(file('veileder.pdf', 'application/pdf'))).toEqual({ kind: 'document', contentType: 'application/pdf' })
  })

  it('refuses before uploading, saying what to do', () => {
    expect(planUpload(file('animasjon.gif', 'image/gif'))).toEqual({ problem: expect.stringMatching(/^Filtypen støttes ikke/) })
    expect(planUpload(file('bilde.png', 'image/jpeg'))).toEqual({ problem: 'Filnavnet må slutte på .jpg eller .jpeg.' })
    expect(planUpload(file('stort.png', 'image/png', 16 * 1024 * 1024))).toEqual({ problem: 'Filen er for stor: 16 MB. Største tillatte størrelse er 15 MB.' })
    expect(planUpload(file('tom.png', 'image/png', 0))).toEqual({ problem: expect.stringMatching(/tom/) })
    expect(planUpload(file('lyd.mp3', 'audio/mpeg'), 'image')).toEqual({ problem: 'Her kan du bare laste opp bilde.' })
  })
})

describe('waiting for the media worker’s verdict', () => {
  const media = (status: Media['status'], extra: Partial<Media> = {}) => ({ id: '01JD0000000000000000000000', status, ...extra }) as Media
  /** The API's answers to GET media/:id, one per poll. */
  const answering = (...answers: Media[]) => {
    const asked: string[] = []
    return { asked, api: { getMedia: async (id: string) => (asked.push(id), answers.length > 1 ? answers.shift()! : answers[0]!) } }
  }
  const quick = { intervalMs: 1, limitMs: 1000 }

  it('asks until the file is ready, and answers it', async () => {
    const { api, asked } = answering(media('processing'), media('processing'), media('ready', { width: 10 }))
    expect(await waitUntilChecked(api, media('processing'), quick)).toMatchObject({ status: 'ready', width: 10 })
    expect(asked).toHaveLength(3)
  })

  it('answers a verdict the confirm call already had without asking', async () => {
    const { api, asked } = answering()
    expect(await waitUntilChecked(api, media('ready'), quick)).toMatchObject({ status: 'ready' })
    expect(asked).toEqual([])
  })

  it('says in bokmål why a file was refused, by its reason, never by the English sentence', async () => {
    const { api } = answering(media('refused', { reason: 'wrong_content', problem: 'The file is not an MP3' }))
    const refusal = waitUntilChecked(api, media('processing'), quick)
    await expect(refusal).rejects.toBeInstanceOf(UploadError)
    await expect(refusal).rejects.toThrow(uploadText.refused.wrong_content)
  })

  it('gives up after the time limit, saying the file is still being checked', async () => {
    const { api } = answering(media('processing'))
    await expect(waitUntilChecked(api, media('processing'), { intervalMs: 5, limitMs: 30 })).rejects.toThrow(uploadText.stillChecking)
  })
})
