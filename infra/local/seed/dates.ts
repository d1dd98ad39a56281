/**
 * Wall-clock times in Europe/Oslo written as instants with the offset in force on that day (+01:00 in winter,
 * +02:00 in summer), found with Intl rather than assumed, so demo events start at 09:00 Oslo time all year.
 */
const ZONE = 'Europe/Oslo'
const DAY_MS = 86_400_000

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** Oslo's UTC offset at an instant, e.g. "+02:00". */
export function osloOffset(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? ''
  return /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00'
}

const offsetMs = (offset: string) => {
  const sign = offset.startsWith('-') ? -1 : 1
  const [hours, minutes] = offset.slice(1).split(':').map(Number)
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000
}

/** The Oslo calendar day (YYYY-MM-DD) an instant falls on. */
export const osloDay = (instant: Date): string => dayFormat.format(instant)

/** `time` (HH:MM) on Oslo day `day` as an ISO 8601 instant with Oslo's offset at that moment. */
export function osloInstant(day: string, time: string): string {
  const wallAsUtc = Date.parse(`${day}T${time}:00Z`)
  // Guess with the offset an hour earlier, then settle: at 06:00–18:00 no day is ambiguous.
  let offset = osloOffset(new Date(wallAsUtc - 3_600_000))
  offset = osloOffset(new Date(wallAsUtc - offsetMs(offset)))
  return `${day}T${time}:00${offset}`
}

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The Oslo day `days` after `now`, moved forward to the next Tuesday, Wednesday or Thursday. */
export function midweekDay(now: Date, days: number): string {
  let day = osloDay(new Date(now.getTime() + days * DAY_MS))
  while (![2, 3, 4].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1)
  return day
}

/** The Oslo time `minutes` after HH:MM on the same day, as HH:MM. */
export function laterTime(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number)
  const total = (hours ?? 0) * 60 + (mins ?? 0) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}
