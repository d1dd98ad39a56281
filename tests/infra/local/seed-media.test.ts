import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../../../functions/tenants/colour.ts'
import { osloInstant } from '../../../infra/local/seed/dates.ts'
import { drawIllustration } from '../../../infra/local/seed/draw.ts'
import { loadFixtures } from '../../../infra/local/seed/fixtures.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'
import { regions } from '../../../infra/local/seed/tenants.ts'
import { slugify } from '../../../infra/local/seed/text.ts'
import { buildVtt, wrap } from '../../../infra/local/seed/vtt.ts'

/** Reads a PNG's chunks and undoes the row filters the encoder may use (None, Sub, Up). */
function decodePng(png: Buffer) {
  const chunks: Array<{ type: string; data: Buffer }> = []
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at)
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) })
    at += 12 + length
  }
  const header = chunks[0]!.data
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)]
  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)))
  const stride = width * 3
  const rgb = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!
      const left = x >= 3 ? rgb[y * stride + x - 3]! : 0
      const up = y > 0 ? rgb[(y - 1) * stride + x]! : 0
      rgb[y * stride + x] = (value + [0, left, up][filter]!) & 255
    }
  }
  return { chunks, width, height, bitDepth: header[8], colourType: header[9], rgb }
}

describe('PNG encoder', () => {
  it('writes the signature, an RGB IHDR of the right size and pixels that decode back', () => {
    const rgb = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 37) % 256)
    const png = encodePng(5, 3, rgb)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const decoded = decodePng(png)
    expect(decoded.chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(decoded).toMatchObject({ width: 5, height: 3, bitDepth: 8, colourType: 2 })
    expect([...decoded.rgb]).toEqual([...rgb])
  })

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow(/12 bytes/)
  })

  it('draws square 1400 px RGB podcast artwork, small enough to serve', () => {
    const png = drawIllustration({ width: 1400, height: 1400, colour: '#2e6b30', icon: 'podcast', seed: 'artwork' })
    const decoded = decodePng(png)
    expect(decoded).toMatchObject({ width: 1400, height: 1400, colourType: 2 })
    expect(png.length).toBeLessThan(200_000)
    // The symbol in the middle is white.
    const centre = (700 * 1400 + 700) * 3 - 80 * 1400 * 3
    expect([...decoded.rgb.subarray(centre, centre + 3)]).toEqual([255, 255, 255])
  })
})

describe('tenant colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
  })

  it.each(regions.map((region) => [region.tenant.id, region.tenant.colour] as const))('%s (%s) has at least 4.5:1 against white', (_, colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })
})

describe('WebVTT', () => {
  it('names speakers, keeps sounds in brackets and writes proper timestamps', () => {
    const vtt = buildVtt(
      [
        { start: 0, end: 2.2, voice: null, text: '[musikk]' },
        { start: 2.55, end: 3661.5, voice: 'Sykepleier', text: 'Takk for at jeg fikk komme, og velkommen til en samtale om samhandling.' },
      ],
      'Transkripsjon av «Episode 1»',
    )
    expect(vtt).toBe(
      'WEBVTT\n\nNOTE\nTranskripsjon av «Episode 1»\n\n1\n00:00:00.000 --> 00:00:02.200\n[musikk]\n\n' +
        '2\n00:00:02.550 --> 01:01:01.500\n<v Sykepleier>Takk for at jeg fikk komme, og velkommen\ntil en samtale om samhandling.</v>\n',
    )
  })

  it('wraps long lines at spaces', () => {
    expect(wrap('a '.repeat(30).trim()).every((line) => line.length <= 42)).toBe(true)
  })

  it('the committed fixtures have cues within their duration, a speaker and a sound', () => {
    const fixtures = loadFixtures()
    for (const clip of [fixtures.episode, fixtures.film]) {
      expect(clip.bytes).toBeGreaterThan(10_000)
      expect(clip.bytes).toBeLessThan(160_000)
      for (const cue of clip.cues) expect(cue.end).toBeLessThanOrEqual(clip.durationSeconds + 0.5)
      expect(clip.cues.some((cue) => cue.voice)).toBe(true)
      expect(clip.cues.some((cue) => /^\[.+\]$/.test(cue.text))).toBe(true)
    }
    const [first, second] = fixtures.episode.read()
    expect(first === 0xff && (second! & 0xe0) === 0xe0).toBe(true) // starts with an MPEG audio frame sync
    expect(fixtures.film.read().toString('latin1', 4, 8)).toBe('ftyp')
  })
})

describe('Oslo times', () => {
  it.each([
    ['2026-12-01', '09:00', '2026-12-01T09:00:00+01:00'],
    ['2026-07-01', '12:00', '2026-07-01T12:00:00+02:00'],
    ['2026-03-29', '09:00', '2026-03-29T09:00:00+02:00'], // the morning summer time starts
    ['2026-10-25', '09:00', '2026-10-25T09:00:00+01:00'], // the morning it ends
  ])('%s %s is %s', (day, time, expected) => {
    expect(osloInstant(day, time)).toBe(expected)
  })
})

describe('slugify', () => {
  it.each([
    ['Sårbehandling', 'sarbehandling'],
    ['Ernæring', 'ernaering'],
    ['Psykisk helse og rus', 'psykisk-helse-og-rus'],
    ['Kompetansebroen Østfold – nå med podkast!', 'kompetansebroen-ostfold-na-med-podkast'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug)
  })
})
