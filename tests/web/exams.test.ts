import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { qrRuns } from '../../functions/courses/certificate-pdf.ts'
import { createAttempts } from '../../functions/courses/exam-attempts.ts'
import type { Attempt } from '../../functions/courses/exam-types.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createSiteApp } from '../../web/site/app.tsx'
import { paths } from '../../web/site/paths.ts'
import { createEditorEnvironment } from '../support/editors.ts'
import { bank, feedbackTexts, publishCourse } from '../functions/courses/exam-support.ts'

const form = (fields: Array<[string, string]>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

/** The text a PDF draws: its content streams inflated, each hex string shown (`<…> Tj`) decoded as Windows-1252. */
async function pdfText(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes)
  const streams = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFRawStream => object instanceof PDFRawStream)
    .map((stream) => {
      const filter = stream.dict.get(PDFName.of('Filter'))
      return Buffer.from(filter ? inflateSync(stream.contents) : stream.contents).toString('latin1')
    })
  const content = streams.filter((stream) => / Tj/.test(stream)).join('\n')
  const text = [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) => new TextDecoder('windows-1252').decode(Buffer.from(match[1]!, 'hex')))
  const annots = pdf.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray)
  const links = annots.asArray().map((ref) => {
    const action = (pdf.context.lookup(ref) as PDFDict).lookup(PDFName.of('A'), PDFDict)
    return (action.lookup(PDFName.of('URI')) as PDFString).decodeText()
  })
  return { pdf, text, content, links }
}

describe('exam pages and the certificate (issue 11)', () => {
  let env: Awaited<ReturnType<typeof createEditorEnvironment>>
  let site: ReturnType<typeof createSiteApp>
  let publicApi: ReturnType<typeof createPublicApiApp>
  let attempts: ReturnType<typeof createAttempts>
  const title = 'Legemiddelhåndtering kursbevis'

  // Through the local CDN router, as a reader's form posts reach the exams function (its own behaviours).
  const start = async () => {
    const response = await env.apis.request('/api/v1/exams/akershus/bevis-kurs/attempts', form([]))
    return (await attempts.get(response.headers.get('location')!.split('/').pop()!))!
  }
  const answer = async (attempt: Attempt, right: boolean) => {
    const fields = attempt.questions.flatMap((question) =>
      question.options.filter((option) => option.correct === right).slice(0, question.choose).map((option): [string, string] => [question.id, option.id]),
    )
    const response = await env.apis.request(`/api/v1/attempts/${attempt.id}/answers`, form(fields))
    return response.headers.get('location')!
  }
  const certificate = (attempt: Attempt, name: string) => env.apis.request(`/api/v1/attempts/${attempt.id}/certificate`, form([['navn', name]]))

  beforeAll(async () => {
    env = await createEditorEnvironment('exam-pages')
    site = createSiteApp(env.services, { assets: () => ({}), renderCache: false })
    publicApi = createPublicApiApp(env.services)
    attempts = createAttempts(env.services.db)
    const course = await publishCourse(env.services, 'akershus', 'bevis-kurs', { title, durationMinutes: 90 })
    expect((await env.call('PUT', `/api/editor/tenants/akershus/courses/${course.id}/exam`, env.tokens.akershus, { version: 0, ...bank('q', { validityMonths: 24 }) })).status).toBe(200)
    expect((await env.call('POST', `/api/editor/tenants/akershus/courses/${course.id}/exam/publish`, env.tokens.akershus, { version: 1 })).status).toBe(200)
  })

  it('shows the intro with questions, pass mark and attempts, and a plain form that starts an attempt', async () => {
    const response = await site.request('/akershus/e-kurs/bevis-kurs/eksamen')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('action="/api/v1/exams/akershus/bevis-kurs/attempts"')
    expect(html).toMatch(/Antall spørsmål<\/dt><dd>4</)
    expect(html).toContain('80 %')
    expect(html).toContain('kan vi ikke telle forsøkene dine på serveren')
    expect((await site.request('/akershus/e-kurs/finnes-ikke/eksamen')).status).toBe(404)
  })

  it('renders an attempt as fieldsets with legends, no-store and noindex, revealing no right answer', async () => {
    const attempt = await start()
    const response = await site.request(`/akershus/e-kurs/bevis-kurs/eksamen/${attempt.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-robots-tag')).toBe('noindex')
    const html = await response.text()
    expect(html.match(/<fieldset/g)).toHaveLength(4)
    expect(html.match(/<legend>/g)).toHaveLength(4)
    expect(html).toContain('type="radio"')
    expect(html).toContain('type="checkbox"')
    expect(html).toContain('Velg 2')
    for (const text of feedbackTexts(bank('q'))) expect(html).not.toContain(text)
    expect(html).not.toMatch(/correct|riktig alternativ/i)
    // Every option is rendered the same way, whatever it is: only its id and text differ.
    const answerInputs = [...html.matchAll(/<input ([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => /type="(radio|checkbox)"/.test(attributes))
    expect(answerInputs.length).toBeGreaterThan(4)
    const shapes = new Set(answerInputs.map((attributes) => attributes.replace(/(id|name|value)="[^"]*"/g, '')))
    expect(shapes.size).toBe(2) // radio and checkbox
    // Another course's path, a malformed id, or the result before scoring.
    expect((await site.request(`/akershus/e-kurs/annet/eksamen/${attempt.id}`)).status).toBe(404)
    expect((await site.request('/akershus/e-kurs/bevis-kurs/eksamen/ikke-et-forsok')).status).toBe(404)
    expect((await site.request(`/akershus/e-kurs/bevis-kurs/eksamen/${attempt.id}/resultat`)).status).toBe(303)
  })

  it('shows a failed result with the full review and no certificate form; a certificate is refused', async () => {
    const attempt = await start()
    const location = await answer(attempt, false)
    const response = await site.request(location)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toContain('Ikke bestått')
    expect(html).toContain('Du svarte riktig på 0 av 4')
    expect(html).toContain('Riktig alternativ')
    expect(html).toContain(attempt.questions[0]!.options[0]!.feedback)
    expect(html).not.toContain('name="navn"')
    expect((await certificate(attempt, 'Kari Nordmann')).status).toBe(409)
    // The attempt page now goes to the result.
    expect((await site.request(`/akershus/e-kurs/bevis-kurs/eksamen/${attempt.id}`)).headers.get('location')).toBe(location)
  })

  it('refuses a certificate before the attempt is scored', async () => {
    const attempt = await start()
    expect((await certificate(attempt, 'Kari Nordmann')).status).toBe(409)
  })

  it('leaves exam form posts to their own function: the public API has none of their routes, and no PDF code', async () => {
    const attempt = await start()
    for (const path of ['/api/v1/exams/akershus/bevis-kurs/attempts', `/api/v1/attempts/${attempt.id}/answers`, `/api/v1/attempts/${attempt.id}/certificate`]) {
      const response = await publicApi.request(path, form([['navn', 'Kari Nordmann']]))
      expect(response.status, path).toBe(404)
      expect(await response.json()).toMatchObject({ code: 'not_found' })
    }
  })

  it('issues one certificate for a pass: a PDF with the course, name and code, verifiable with initials only', async () => {
    const attempt = await start()
    const location = await answer(attempt, true)
    const result = await (await site.request(location)).text()
    expect(result).toContain('Bestått')
    expect(result).toContain(`action="/api/v1/attempts/${attempt.id}/certificate"`)

    // A name the reader must correct goes back to the form with the reason.
    const empty = await certificate(attempt, '   ')
    expect(empty.status).toBe(303)
    expect(empty.headers.get('location')).toBe(`${location}?feil=mangler#kursbevis`)
    expect(await (await site.request(`${location}?feil=mangler`)).text()).toContain('role="alert"')

    const response = await certificate(attempt, 'Kari Anne Nordmann')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    const code = (await attempts.get(attempt.id))!.certificate!
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)

    const { pdf, text, content, links } = await pdfText(bytes)
    expect(pdf.getTitle()).toBe(`Kursbevis: ${title}`)
    expect(pdf.getSubject()).toContain(code)
    expect(text).toContain(title)
    expect(text).toContain('Kari Anne Nordmann')
    expect(text).toContain(`Kontrollkode: ${code}`)
    expect(text).toContain('Utstedt av Kompetansebroen akershus')
    const verifyUrl = `http://127.0.0.1:3000/kursbevis/${code}`
    expect(text).toContain(verifyUrl)
    expect(links).toEqual([verifyUrl])
    // The QR code is the verification URL's: one filled rectangle per run of dark modules (the frame is stroked).
    expect(content.match(/\nh\nf\n/g)).toHaveLength(qrRuns(verifyUrl).runs.length)

    // Once: the same attempt gets no second certificate.
    expect((await certificate(attempt, 'Kari Anne Nordmann')).status).toBe(409)

    // Stored: initials only, never the name.
    const stored = await env.services.db.get({ PK: `CERT#${code}`, SK: 'CERT' })
    expect(stored).toMatchObject({ initials: 'K. A. N.', courseTitle: title, hours: 1.5, tenant: 'akershus', slug: 'bevis-kurs' })
    expect(JSON.stringify(stored)).not.toMatch(/Kari|Nordmann/)
    expect(JSON.stringify(await env.services.db.get({ PK: `ATTEMPT#${attempt.id}`, SK: 'ATTEMPT' }))).not.toMatch(/Kari|Nordmann/)
    expect(Number(stored!.expiresAt)).toBeGreaterThan(Date.parse(`${stored!.validUntil}T00:00:00Z`) / 1000)

    const verify = await site.request(`/kursbevis/${code}`)
    expect(verify.status).toBe(200)
    expect(verify.headers.get('x-robots-tag')).toBe('noindex')
    const page = await verify.text()
    expect(page).toContain(title)
    expect(page).toContain('K. A. N.')
    expect(page).toContain('Gyldig til')
    expect(page).not.toMatch(/Kari|Nordmann/)
    // Typed in lower case with hyphens, it is the same code.
    expect((await site.request(`/kursbevis/${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`)).status).toBe(200)

    const after = await (await site.request(location)).text()
    expect(after).toContain(code)
    expect(after).not.toContain('name="navn"')
  })

  it('says on the privacy text what a certificate stores and for how long, and what course statistics count', async () => {
    const html = await (await site.request(paths.accessibility)).text()
    expect(html).toContain('Personvern: e-kurs, eksamen, kursbevis, påmelding og nyhetsbrev')
    expect(html).toContain('bare et antall per kurs og måned')
    expect(html).toContain('øvingsspørsmålene i leksjonene, lagres ikke')
    expect(html).toContain('initialene dine')
    expect(html).toContain('tre måneder etter at beviset er utløpt')
  })

  it('answers a made-up certificate code with 404', async () => {
    expect((await site.request('/kursbevis/ABCDEFGHJK')).status).toBe(404)
    expect((await site.request('/kursbevis/not-a-code')).status).toBe(404)
  })

  it('says an expired certificate has expired', async () => {
    const past = { code: 'EXP1RED000'.replace('1', '1'), tenant: 'akershus', slug: 'bevis-kurs', courseId: 'x', courseTitle: title, issuer: 'Kompetansebroen akershus', hours: 1, initials: 'O. N.', issuedAt: '2020-01-01T10:00:00Z', validUntil: '2022-01-01' }
    await env.services.db.put({ PK: `CERT#${past.code}`, SK: 'CERT', ...past })
    const page = await (await site.request(`/kursbevis/${past.code}`)).text()
    expect(page).toContain('Utløpt 1. januar 2022')
  })
})
