import type { FocalPoint } from '../../../functions/content/schema.ts'

/**
 * Where a crop (`object-fit: cover`, as on cards) keeps the picture's subject: its focal point from the media
 * library (issue 17), copied onto the item at save time. None for the centre, which is the browser's own default.
 * A style attribute, which the site's CSP allows (`style-src-attr`, infra/definitions.ts): a class per position
 * would be 10 000 rules.
 */
export function focalStyle(point: FocalPoint | undefined): string | undefined {
  if (!point || (point.x === 0.5 && point.y === 0.5)) return undefined
  const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`
  return `object-position:${percent(point.x)} ${percent(point.y)}`
}
