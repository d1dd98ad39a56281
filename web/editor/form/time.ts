/**
 * Editors think in Norwegian wall-clock time; the API stores instants with an offset. `<input
 * type="datetime-local">` gives "2026-12-01T09:00" with no zone, read here as Europe/Oslo whatever the
 * computer's own zone is, so summer and winter time come out right.
 */
const zone = 'Europe/Oslo'

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function osloParts(epochMs: number) {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]))
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute!, second: +parts.second! }
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(epochMs: number): number {
  const p = osloParts(epochMs)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000)
}

const pad = (value: number) => String(value).padStart(2, '0')
const formatOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`

/** "2026-12-01T09:00" (Oslo time) → "2026-12-01T09:00:00+01:00"; undefined for an empty or broken value. */
export function osloLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second = '00'] = match
  const wall = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second)
  // The offset at the wall time read as UTC is right except within hours of a change; one more step settles it.
  let offset = offsetMinutes(wall - offsetMinutes(wall) * 60000)
  const instant = wall - offset * 60000
  offset = offsetMinutes(instant)
  const p = osloParts(wall - offset * 60000)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(offset)}`
}

/** An instant → the Oslo wall time for a datetime-local input ("" when absent or unreadable). */
export function isoToOsloLocal(iso: string | undefined): string {
  if (!iso) return ''
  const epoch = Date.parse(iso)
  if (Number.isNaN(epoch)) return ''
  const p = osloParts(epoch)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

const displayFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' })

/** "1. desember 2026 kl. 09:00" for people. */
export function formatOslo(iso: string | undefined): string {
  if (!iso) return ''
  const epoch = Date.parse(iso)
  return Number.isNaN(epoch) ? iso : displayFormat.format(new Date(epoch))
}
