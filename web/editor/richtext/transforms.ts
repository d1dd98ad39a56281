/**
 * Keyboard and toolbar formatting inside a block's text box: pure functions from (text, selection) to
 * (text, selection), so they are tested without a browser.
 */
export interface Edit {
  text: string
  start: number
  end: number
}

function starsAround(text: string, start: number, end: number): number {
  let left = 0
  while (left < 3 && text[start - 1 - left] === '*') left++
  let right = 0
  while (right < 3 && text[end + right] === '*') right++
  return Math.min(left, right)
}

/** Wraps the selection in markers, or removes them when the selection already has that mark (a toggle). */
export function toggleMarker(edit: Edit, marker: '**' | '*'): Edit {
  const { text, start, end } = edit
  const stars = starsAround(text, start, end)
  // Two stars either side mean bold, one or three mean italic (three: both).
  const marked = marker === '**' ? stars >= 2 : stars === 1 || stars === 3
  const size = marker.length
  if (marked)
    return { text: text.slice(0, start - size) + text.slice(start, end) + text.slice(end + size), start: start - size, end: end - size }
  return { text: text.slice(0, start) + marker + text.slice(start, end) + marker + text.slice(end), start: start + size, end: end + size }
}

/**
 * Makes the selection a link: `[selection](https://)` with the caret after "https://", ready for the address.
 * With nothing selected the link text is a placeholder, selected so typing replaces it.
 */
export function insertLink(edit: Edit, placeholder = 'lenketekst'): Edit {
  const { text, start, end } = edit
  const label = text.slice(start, end) || placeholder
  const prefix = `[${label}](`
  const inserted = `${prefix}https://)`
  const next = text.slice(0, start) + inserted + text.slice(end)
  if (start === end) return { text: next, start: start + 1, end: start + 1 + label.length }
  const caret = start + inserted.length - 1
  return { text: next, start: caret, end: caret }
}
