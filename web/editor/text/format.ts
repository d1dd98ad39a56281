/**
 * Numbers, sizes and times as a Norwegian reader writes them (issue 17): decimal comma, "80,5 kB", dates in
 * bokmål and Oslo's time. The one place the workspace formats them, so every screen says it the same way.
 */
const zone = 'Europe/Oslo'
const number = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 })
const dateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' })
const shortDateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' })
const dayMonth = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, day: 'numeric', month: 'long' })
const dayMonthYear = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' })
const clock = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, hour: '2-digit', minute: '2-digit' })

/** "1 234,5": a number with Norwegian grouping and decimal comma (at most one decimal). */
export const formatNumber = (value: number): string => number.format(value)

const [KB, MB, GB] = [1024, 1024 ** 2, 1024 ** 3]

/** "80,5 kB", "1,2 MB", "15 MB": binary units, as the upload caps are (functions/media/kinds.ts). */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= GB ? ['GB', GB] : bytes >= MB ? ['MB', MB] : bytes >= KB ? ['kB', KB] : ['byte', 1]
  return `${formatNumber(bytes / (size as number))} ${unit}`
}

const parsed = (when: string | Date) => (typeof when === 'string' ? new Date(Date.parse(when)) : when)

/** "1. desember 2026 kl. 09:00"; an unreadable string is shown as it is. */
export function formatDateTime(when: string | Date | undefined): string {
  if (when === undefined || when === '') return ''
  const date = parsed(when)
  return Number.isNaN(date.getTime()) ? String(when) : dateTime.format(date)
}

/** "01.12.2026, 09:00": for tables, where space is short. */
export function formatShortDateTime(when: string | Date): string {
  const date = parsed(when)
  return Number.isNaN(date.getTime()) ? String(when) : shortDateTime.format(date)
}

/** "09:00": the time of day in Oslo. */
export const formatClock = (when: Date = new Date()): string => clock.format(when)

/** "31. desember": a day soon, with the year only when it is not this year's ("2. januar 2027"). */
export function formatDay(when: string | Date, now: Date = new Date()): string {
  const date = parsed(when)
  if (Number.isNaN(date.getTime())) return String(when)
  const year = (at: Date) => at.toLocaleString('nb-NO', { timeZone: zone, year: 'numeric' })
  return (year(date) === year(now) ? dayMonth : dayMonthYear).format(date)
}
