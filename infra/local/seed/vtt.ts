import type { Cue } from './fixtures.ts'

/**
 * WebVTT captions and transcripts (https://www.w3.org/TR/webvtt1/): who speaks goes in a voice span
 * (`<v Sykepleier>`), sounds in brackets, lines kept short enough for a caption box.
 */
const LINE_LENGTH = 42

const timestamp = (seconds: number) => {
  const ms = Math.round(seconds * 1000)
  const pad = (value: number, size = 2) => String(value).padStart(size, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
}

/** Breaks text into lines of at most LINE_LENGTH characters, at spaces. */
export function wrap(text: string): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= LINE_LENGTH) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

// Cue text may not contain "-->", and "<" or "&" would start markup.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/-->/g, '->')

export function buildVtt(cues: Cue[], note?: string): string {
  const blocks = ['WEBVTT', ...(note ? [`NOTE\n${escape(note)}`] : [])]
  cues.forEach((cue, index) => {
    const text = wrap(escape(cue.text)).join('\n')
    blocks.push(`${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.voice ? `<v ${cue.voice}>${text}</v>` : text}`)
  })
  return `${blocks.join('\n\n')}\n`
}
