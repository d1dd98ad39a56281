import { diffWords } from 'diff'
import { historyText } from '../text/history.ts'

/**
 * One side of a text's change, word by word: the earlier side marks what went, the later what came. Deleted and
 * inserted words carry a hidden «Fjernet:»/«Lagt til:», since most screen readers read <del> and <ins> as plain
 * text; strike-through and underline mark them without relying on colour.
 */
export function WordDiff({ before, after, side }: { before: string; after: string; side: 'before' | 'after' }) {
  return (
    <>
      {diffWords(before, after).map((part) => {
        if (part.removed) return side === 'before' ? <del><span class="visually-hidden">{historyText.removed}</span>{part.value}</del> : null
        if (part.added) return side === 'after' ? <ins><span class="visually-hidden">{historyText.added}</span>{part.value}</ins> : null
        return part.value
      })}
    </>
  )
}
