import { describe, expect, it } from 'vitest'
import { planUpload } from '../../../web/editor/media/upload.ts'

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
