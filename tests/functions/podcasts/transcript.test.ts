import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { transcriptTurns, transcriptWrite } from '../../../functions/podcasts/transcript.ts'

const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n\n')}\n`

describe('transcript turns', () => {
  it('joins one speaker’s consecutive cues, names speakers from voice spans and keeps sound descriptions', () => {
    const turns = transcriptTurns(
      vtt(
        '00:00.000 --> 00:01.500\n<v Programleder>Hei og velkommen.',
        '00:01.500 --> 00:03.000\n<v Programleder>I dag: <i>demens</i>.',
        '1\n00:03.000 --> 00:05.000\n<v.gjest Kari Nordmann>[latter] Takk &amp; hei.',
        '01:00:05.000 --> 01:00:06.000\n[musikk]',
      ),
    )
    expect(turns).toEqual([
      { start: 0, speaker: 'Programleder', text: 'Hei og velkommen. I dag: demens.' },
      { start: 3, speaker: 'Kari Nordmann', text: '[latter] Takk & hei.' },
      { start: 3605, speaker: undefined, text: '[musikk]' },
    ])
  })

  it('reads Windows line endings and a byte-order mark, and skips the header and empty cues', () => {
    expect(transcriptTurns('\uFEFFWEBVTT\r\n\r\nNOTE laget i studio\r\n\r\n00:00.000 --> 00:01.000\r\n\r\n00:01.000 --> 00:02.000\r\nTekst\r\n')).toEqual([
      { start: 1, speaker: undefined, text: 'Tekst' },
    ])
  })
})

describe('stored transcripts', () => {
  it('are compressed turns keyed by the file’s public path', () => {
    const write = transcriptWrite('/media/tenants/vestfold/media/01JABCDEFGHJKMNPQRSTVWXYZ0/episode.vtt', vtt('00:00.000 --> 00:01.000\n<v Ola>Hei.'))
    expect(write).toBeDefined()
    const item = (write as { Put: { Item: Record<string, unknown> } }).Put.Item
    expect(item.PK).toBe('TRANSCRIPT#/media/tenants/vestfold/media/01JABCDEFGHJKMNPQRSTVWXYZ0/episode.vtt')
    expect(JSON.parse(gunzipSync(item.turns as Buffer).toString('utf8'))).toEqual([{ start: 0, speaker: 'Ola', text: 'Hei.' }])
  })

  it('are not kept when even compressed they would not fit in a DynamoDB item (the page links the file instead)', () => {
    // Random letters barely compress: ~2 MB of them stays far above the limit after gzip.
    const noise = randomBytes(1_500_000).toString('base64')
    const cues = Array.from({ length: 200 }, (_, index) => `00:${String(index % 60).padStart(2, '0')}.000 --> 00:${String(index % 60).padStart(2, '0')}.500\n${noise.slice(index * 10_000, (index + 1) * 10_000)}`)
    expect(transcriptWrite('/media/x.vtt', vtt(...cues))).toBeUndefined()
  })
})
