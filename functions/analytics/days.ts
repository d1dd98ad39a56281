/** Analytics count per day in Norway: a view just after midnight belongs to the new day, as editors read it. */
const osloDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' })
export const dayOf = (date: Date) => osloDay.format(date)
export const monthOfDay = (day: string) => day.slice(0, 7)
/** A real calendar day as `yyyy-mm-dd` (not 2026-02-30, which Date would roll into March). */
export function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Every `yyyy-mm` from the month of `from` to the month of `to`, both days `yyyy-mm-dd`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  const last = monthOfDay(to)
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`
    if (current > last) return months
    months.push(current)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
}

/** Every day from `from` to `to`, both included (UTC calendar arithmetic on dates without a time). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}
