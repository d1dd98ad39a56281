import { PDFDocument, PDFName, PDFString, rgb, StandardFonts, type PDFFont } from 'pdf-lib'
import { create as createQr } from 'qrcode/lib/core/qrcode.js'
import { badRequest } from '../shared/errors.ts'
import type { Certificate } from './exam-types.ts'

export interface CertificatePdfInput {
  certificate: Certificate
  /** As the reader typed it: printed here and nowhere stored. */
  name: string
  /** `{origin}/kursbevis/{code}`: the QR code and the link both lead there. */
  verifyUrl: string
}

/** Dark modules of the QR code as horizontal runs (row, first column, length): fewer rectangles than one per module. */
export function qrRuns(text: string): { size: number; runs: Array<[number, number, number]> } {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' })
  const runs: Array<[number, number, number]> = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < modules.size && modules.get(row, col)) col++
      runs.push([row, start, col - start])
    }
  }
  return { size: modules.size, runs }
}

const dateText = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(new Date(iso))
const hoursText = (hours: number) => `${String(hours).replace('.', ',')} ${hours === 1 ? 'time' : 'timer'}`

/**
 * The standard PDF fonts print Windows-1252 only. A letter outside it is printed without its accent where that
 * leaves a letter the font has (ǎ → a); a name the font still cannot print is refused rather than misprinted.
 */
export function printable(font: PDFFont, text: string, options: { strict: boolean }): string {
  const known = new Set(font.getCharacterSet())
  let out = ''
  for (const char of text.normalize('NFC')) {
    if (known.has(char.codePointAt(0)!)) out += char
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '')
      if (base && [...base].every((part) => known.has(part.codePointAt(0)!))) out += base
      else if (options.strict) throw badRequest(`The certificate cannot print '${char}'.`, 'bad_request')
      else out += '?'
    }
  }
  return out
}

/** Whether the name can be printed on a certificate (see printable); checked before anything is issued. */
export async function canPrintName(name: string): Promise<boolean> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  try {
    printable(font, name, { strict: true })
    return true
  } catch {
    return false
  }
}

/** The kursbevis as a one-page A4 landscape PDF: course, name, date, hours, issuer, code, QR and link to verify. */
export async function certificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const { certificate, verifyUrl } = input
  const pdf = await PDFDocument.create()
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  pdf.setTitle(`Kursbevis: ${certificate.courseTitle}`)
  pdf.setSubject(`Kontrollkode ${certificate.code}`)
  pdf.setAuthor(certificate.issuer)
  pdf.setCreator('Kompetansebroen')
  pdf.setLanguage('nb-NO')
  pdf.setCreationDate(new Date(certificate.issuedAt))

  const page = pdf.addPage([842, 595])
  const ink = rgb(0.1, 0.1, 0.15)
  const centred = (text: string, y: number, size: number, font = regular) => {
    const safe = printable(font, text, { strict: false })
    page.drawText(safe, { x: (842 - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color: ink })
  }
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: rgb(0.0, 0.35, 0.55), borderWidth: 3 })
  centred('KURSBEVIS', 500, 30, bold)
  centred('Dette bekrefter at', 452, 14)
  centred(printable(bold, input.name, { strict: true }), 414, 26, bold)
  centred('har bestått eksamen i e-kurset', 378, 14)
  centred(certificate.courseTitle, 344, 20, bold)
  centred(`Dato: ${dateText(certificate.issuedAt)}   ·   Omfang: ${hoursText(certificate.hours)}`, 300, 13)
  centred(`Utstedt av ${certificate.issuer}`, 278, 13)
  centred(certificate.validUntil ? `Gyldig til og med ${dateText(`${certificate.validUntil}T12:00:00Z`)}` : 'Uten utløpsdato', 256, 13)

  // The QR code, drawn as vector rectangles, and the same address as text and as a link.
  const { size, runs } = qrRuns(verifyUrl)
  const module = 3
  const left = 60
  const bottom = 60
  for (const [row, col, length] of runs)
    page.drawRectangle({ x: left + col * module, y: bottom + (size - 1 - row) * module, width: length * module, height: module, color: rgb(0, 0, 0) })
  const textLeft = left + size * module + 24
  page.drawText(`Kontrollkode: ${certificate.code}`, { x: textLeft, y: 120, size: 14, font: bold, color: ink })
  page.drawText('Arbeidsgiver kan kontrollere beviset her:', { x: textLeft, y: 98, size: 11, font: regular, color: ink })
  const urlText = printable(regular, verifyUrl, { strict: false })
  page.drawText(urlText, { x: textLeft, y: 82, size: 11, font: regular, color: rgb(0.0, 0.3, 0.6) })
  const link = pdf.context.register(
    pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [textLeft, 78, textLeft + regular.widthOfTextAtSize(urlText, 11), 94],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(verifyUrl) },
    }),
  )
  page.node.set(PDFName.of('Annots'), pdf.context.obj([link]))
  return pdf.save({ useObjectStreams: false })
}
