/** The warning comes two minutes before the session ends: long enough to finish a sentence and press «Forleng». */
export const warnBeforeMs = 2 * 60_000

export type SessionPhase = 'active' | 'warning' | 'expired'

export function sessionPhase(expiresAt: number, now: number): SessionPhase {
  if (now >= expiresAt) return 'expired'
  return now >= expiresAt - warnBeforeMs ? 'warning' : 'active'
}

/** Whole minutes left, at least 1 while the session lasts: "utløper om 2 minutter". */
export const minutesLeft = (expiresAt: number, now: number) => Math.max(1, Math.round((expiresAt - now) / 60_000))

interface Clock {
  now: () => number
  setTimeout: (run: () => void, ms: number) => unknown
  clearTimeout: (timer: never) => void
}
const realClock: Clock = { now: () => Date.now(), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (timer) => clearTimeout(timer) }

/**
 * Tells `onPhase` the session's phase now and each time it changes (warning, then expired), by the clock's time when
 * a timer fires: a laptop that slept past both hears «expired» once, not a warning about a session already gone.
 * Answers a function that stops watching.
 */
export function watchSession(expiresAt: number, onPhase: (phase: SessionPhase) => void, clock: Clock = realClock): () => void {
  let timer: unknown
  let told: SessionPhase | undefined
  const check = () => {
    const now = clock.now()
    const phase = sessionPhase(expiresAt, now)
    if (phase !== told) onPhase((told = phase))
    if (phase === 'expired') return
    timer = clock.setTimeout(check, (phase === 'active' ? expiresAt - warnBeforeMs : expiresAt) - now)
  }
  check()
  return () => clock.clearTimeout(timer as never)
}
