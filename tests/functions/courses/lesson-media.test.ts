import { beforeAll, describe, expect, it } from 'vitest'
import type { Media } from '../../../functions/media/schema.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { testCourse } from '../../support/courses.ts'
import { picturesIn } from '../../web/markup.ts'
import { createMediaTestApp, episodeMp3, filmMp4, png, vtt, type MediaTestApp } from '../media/support.ts'

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'.padEnd(2600, ' '))
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tekst.' }] }] }

/** A lesson's picture, film (with captions), podcast and PDF: chosen from the edition's own ready uploads, shown to readers. */
describe("lessons' media (issue 11)", () => {
  let t: MediaTestApp
  let image: Media
  let film: Media
  let captions: Media
  let audio: Media
  let pdf: Media
  const lessonsPath = (id: string) => `/innlandet/items/${id}/lessons`
  const module = (lessons: unknown[]) => ({ version: 0, modules: [{ title: 'Modul', lessons }] })

  beforeAll(async () => {
    t = await createMediaTestApp('lesson-media')
    image = await t.readyMedia('innlandet', { kind: 'image', filename: 'leksjonsbilde.png', contentType: 'image/png', bytes: png(640, 360) })
    await t.call('innlandet', 'PATCH', `/innlandet/media/${image.id}`, { alt: 'Sykepleier deler ut medisiner.' })
    film = await t.readyMedia('innlandet', { kind: 'video', filename: 'film.mp4', contentType: 'video/mp4', bytes: filmMp4 })
    captions = await t.readyMedia('innlandet', { kind: 'captions', filename: 'film.vtt', contentType: 'text/vtt', bytes: vtt() })
    audio = await t.readyMedia('innlandet', { kind: 'audio', filename: 'episode.mp3', contentType: 'audio/mpeg', bytes: episodeMp3 })
    pdf = await t.readyMedia('innlandet', { kind: 'document', filename: 'veileder.pdf', contentType: 'application/pdf', bytes: pdfBytes })
  })

  it('shows the picture as a responsive <picture> at its measured size, the film with captions, and the PDF with its size', async () => {
    const course = await t.services.content.create(testCourse('innlandet', 'kurs-med-media'))
    const lesson = {
      title: 'Med media',
      body,
      // What the form claims about size and variants is replaced by what the media record says.
      image: { src: image.path, alt: 'Sykepleier deler ut medisiner.', width: 1, height: 1, variants: { widths: [9999], formats: ['avif'] } },
      media: { kind: 'film', src: film.path, title: 'Slik gjør du det', captions: captions.path },
      pdf: { src: pdf.path, title: 'Veileder' },
    }
    const saved = await t.call('innlandet', 'PUT', lessonsPath(course.id), module([lesson, { title: 'Podkast', body, media: { kind: 'podkast', src: audio.path, title: 'Episode om dosering' } }]))
    expect(saved.status, await saved.clone().text()).toBe(200)
    await t.services.content.publish('innlandet', course.id, course.version)
    const site = createSiteApp(t.services, { assets: () => ({ 'player.js': '/assets/player-TEST.js', 'course-progress.js': '/assets/course-progress-TEST.js' }) })

    const html = await (await site.request('/innlandet/e-kurs/kurs-med-media/leksjon/1')).text()
    const [picture] = picturesIn(html)
    expect(picture?.img).toMatchObject({ src: image.path, alt: 'Sykepleier deler ut medisiner.', width: '640', height: '360', class: 'hero' })
    expect(picture?.sources.length).toBeGreaterThan(0)
    expect(html).not.toContain('9999w')
    expect(html).toContain(`<video class="player" controls preload="metadata" src="${film.path}"><track kind="captions" srclang="nb" label="Norsk" src="${captions.path}" default/></video>`)
    expect(html).toContain(`<a href="${pdf.path}" download>Last ned: Veileder (PDF, 3 kB)</a>`)
    expect(html).not.toContain('player-TEST.js')

    const podcast = await (await site.request('/innlandet/e-kurs/kurs-med-media/leksjon/2')).text()
    expect(podcast).toContain(`data-audio-player="${audio.path}"`)
    expect(podcast).toContain('<script type="module" src="/assets/player-TEST.js">')
  })

  it('refuses an uploaded film without captions, and a file that is not ready, with 400', async () => {
    const course = await t.services.content.create(testCourse('innlandet', 'uten-tekst'))
    const noCaptions = await t.call('innlandet', 'PUT', lessonsPath(course.id), module([{ title: 'Film', body, media: { kind: 'film', src: film.path, title: 'Film' } }]))
    expect(noCaptions.status).toBe(400)
    const pending = await t.requestUpload('innlandet', { kind: 'document', filename: 'halvferdig.pdf', contentType: 'application/pdf', size: 100 })
    const notReady = await t.call('innlandet', 'PUT', lessonsPath(course.id), module([{ title: 'PDF', body, pdf: { src: `/media/tenants/innlandet/media/${pending.mediaId}/halvferdig.pdf`, title: 'PDF' } }]))
    expect(notReady.status).toBe(400)
    expect(['media_not_usable', 'invalid_media']).toContain(((await notReady.json()) as { code: string }).code)
  })

  it("refuses another edition's ready file (400 invalid_media)", async () => {
    const course = await t.services.content.create(testCourse('vestfold', 'fremmed-bilde'))
    const response = await t.call('vestfold', 'PUT', `/vestfold/items/${course.id}/lessons`, module([{ title: 'Bilde', body, image: { src: image.path, alt: 'Lånt bilde.' } }]))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { code: string }).code).toBe('invalid_media')
  })
})
