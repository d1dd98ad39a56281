import type { PublishedItem } from '../content/schema.ts'
import { latestCount } from './paths.ts'

/**
 * How big a frame an embed needs. A frame cannot size itself to another origin's page without script on both
 * sides, so the embed pages carry no fixed heights and this estimates the height their content takes at a given
 * width from the measures their stylesheet uses (web/styles/embed.css): the oEmbed answer and the snippets for
 * integrators name these, and a frame a little too tall only shows white below the content.
 */
export const frameWidth = { default: 480, max: 640 } as const

/** `main`'s padding on each side, and its padding plus the brand rule on top (web/styles/embed.css). */
const chrome = { inline: 32, block: 36 }
/**
 * Average glyph widths at the headings' and the text's sizes, in px: ~0.62 em, DejaVu Sans's (Debian's Chromium, the
 * widest system font met), so narrower fonts only leave white below the content.
 */
const glyph = { title: 12.5, text: 10.5 }
/** Line boxes: h1 20 px × 1.25, h2 17 px × 1.25, text 17 px × 1.6, small print 14 px × 1.6; a paragraph adds 4 px above. */
const line = { h1: 25, h2: 21.25, text: 27.2, small: 22.4, gap: 4 }

const linesOf = (text: string, width: number, perChar: number) => Math.max(1, Math.ceil((text.length * perChar) / Math.max(1, width)))

/** The frame's width: the default, or less where the consumer has less room (oEmbed: maxwidth must be respected). */
export const clampWidth = (maxwidth?: number) => Math.min(maxwidth ?? frameWidth.default, frameWidth.max)

/** A card's height at `width`: its picture at full width, the title, the summary, the facts and where it is from. */
export function cardFrameHeight(item: Pick<PublishedItem, 'title' | 'summary' | 'image'>, width: number): number {
  const inner = width - chrome.inline
  const image = item.image?.width && item.image.height ? Math.ceil((inner * item.image.height) / item.image.width) + 12 : 0
  const title = line.h1 * linesOf(item.title, inner, glyph.title)
  const summary = line.gap + line.text * linesOf(item.summary, inner, glyph.text)
  return Math.ceil(chrome.block + image + title + summary + 2 * (line.gap + line.small) + 8)
}

/** A latest list's height for `count` items of up to two title lines each: its heading, the rows, the link to more. */
export function latestFrameHeight(count: number): number {
  const rows = Math.min(Math.max(count, latestCount.min), latestCount.max)
  const row = 17 + 2 * line.h2 + line.gap + line.small
  return Math.ceil(chrome.block + 2 * line.h1 + 8 + rows * row + 12 + line.text)
}
