// The function-per-module form of the Temporal polyfill: the editor bundle carries the ~9 KB gzip these two
// conversions need rather than the whole Temporal namespace (~19 KB).
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime'
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime'
import { formatDateTime } from '../text/format.ts'

/**
 * Editors think in Norwegian wall-clock time; the API stores instants with an offset. `<input
 * type="datetime-local">` gives "2026-12-01T09:00" with no zone, read here as Europe/Oslo whatever the
 * computer's own zone is, so summer and winter time come out right.
 */
const zone = 'Europe/Oslo'

/**
 * "2026-12-01T09:00" (Oslo time) → "2026-12-01T09:00:00+01:00"; undefined for an empty or broken value.
 * Temporal's "compatible" reading, as a calendar does: a time in the hour skipped in spring (02:30 on
 * 2026-03-29) moves forward by the gap (03:30+02:00), and a time in the hour repeated in autumn (02:30 on
 * 2026-10-25) is the earlier one (+02:00). Offset arithmetic on Intl parts got both wrong.
 */
export function osloLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!match) return undefined
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)))
  try {
    const wall = PlainDateTime.fromFields({ year: year!, month: month!, day: day!, hour, minute, second }, { overflow: 'reject' })
    return ZonedDateTime.toString(PlainDateTime.toZonedDateTime(wall, zone, { disambiguation: 'compatible' }), { timeZoneName: 'never', smallestUnit: 'second' })
  } catch {
    return undefined // a time that no calendar has, e.g. 2026-02-30 or 24:00
  }
}

/** An instant → the Oslo wall time for a datetime-local input ("" when absent or unreadable). */
export function isoToOsloLocal(iso: string | undefined): string {
  if (!iso) return ''
  const epoch = Date.parse(iso)
  if (Number.isNaN(epoch)) return ''
  return PlainDateTime.toString(ZonedDateTime.toPlainDateTime(ZonedDateTime.create(BigInt(epoch) * 1_000_000n, zone)), { smallestUnit: 'minute' })
}

/** "1. desember 2026 kl. 09:00" for people (text/format.ts, the workspace's one formatter). */
export const formatOslo = (iso: string | undefined): string => formatDateTime(iso)
