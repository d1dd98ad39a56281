/** Dates and durations as Norwegian readers expect them, always in Europe/Oslo whatever the server's zone. */

const zone = 'Europe/Oslo'
const dateFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' })
const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: zone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const timeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, hour: '2-digit', minute: '2-digit' })
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })

const sizeFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 })

export const formatDate = (iso: string) => dateFormat.format(new Date(iso))

const wallAndOffset = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
})

/** "2026-12-01T09:00:00+01:00": an instant as Oslo wall time with its offset, as schema.org's examples write dates. */
export function osloIsoWithOffset(iso: string): string {
  const parts = Object.fromEntries(wallAndOffset.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

/** A file's size as readers see it before downloading: "840 kB", "1,2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1e6) return `${sizeFormat.format(bytes / 1e6)} MB`
  return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1e3)))} kB`
}
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso))

/** "tirsdag 1. desember 2026 kl. 09:00–15:30", or both full times when the event spans days. */
export function formatEventTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  if (dayKey.format(start) === dayKey.format(end)) return `${dateTimeFormat.format(start)}–${timeFormat.format(end)}`
  return `${dateTimeFormat.format(start)} – ${dateTimeFormat.format(end)}`
}

/** "1 t 5 min", "12 min", "45 sek". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  if (hours) return minutes ? `${hours} t ${minutes} min` : `${hours} t`
  if (minutes) return `${minutes} min`
  return `${seconds} sek`
}

/** ISO 8601 duration for schema.org (PT1H5M). */
export function isoDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const rest = seconds % 60
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest || (!hours && !minutes) ? `${rest}S` : ''}`
}
