import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { minutesLeft, sessionPhase, warnBeforeMs, watchSession, type SessionPhase } from '../../../web/editor/auth/session-timer.ts'
import { refreshRequestBody } from '../../../web/editor/auth/pkce.ts'
import { t } from '../../../web/editor/text.ts'

const minute = 60_000

describe('the session warning two minutes before the session ends (WCAG 2.2.1, issue 17)', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') }))
  afterEach(() => vi.useRealTimers())

  it('warns two minutes before the end and says so when it has ended, by a fake clock', () => {
    const heard: SessionPhase[] = []
    const expiresAt = Date.now() + 59 * minute
    watchSession(expiresAt, (phase) => heard.push(phase))
    expect(heard).toEqual(['active'])
    vi.advanceTimersByTime(57 * minute - 1)
    expect(heard).toEqual(['active'])
    vi.advanceTimersByTime(1)
    expect(heard).toEqual(['active', 'warning'])
    expect(t.sessionEndsIn(minutesLeft(expiresAt, Date.now()))).toBe('Økten din utløper om 2 minutter')
    vi.advanceTimersByTime(2 * minute)
    expect(heard).toEqual(['active', 'warning', 'expired'])
    vi.advanceTimersByTime(60 * minute)
    expect(heard).toHaveLength(3)
  })

  it('says «expired» once, without a warning, when the clock jumped past both (a laptop woke)', () => {
    const heard: SessionPhase[] = []
    watchSession(Date.now() + 10 * minute, (phase) => heard.push(phase))
    vi.setSystemTime(Date.now() + 30 * minute)
    vi.advanceTimersByTime(8 * minute)
    expect(heard).toEqual(['active', 'expired'])
  })

  it('stops when the session is extended or ends, so a replaced expiry does not fire', () => {
    const heard: SessionPhase[] = []
    const stop = watchSession(Date.now() + 3 * minute, (phase) => heard.push(phase))
    stop()
    vi.advanceTimersByTime(10 * minute)
    expect(heard).toEqual(['active'])
  })

  it('opens already warning when less than two minutes are left', () => {
    expect(sessionPhase(Date.now() + warnBeforeMs - 1, Date.now())).toBe('warning')
    expect(sessionPhase(Date.now() + warnBeforeMs + 1, Date.now())).toBe('active')
    expect(t.sessionEndsIn(minutesLeft(Date.now() + 40_000, Date.now()))).toBe('Økten din utløper om 1 minutt')
  })

  it('extends with the refresh token grant Cognito and the local identity provider take', () => {
    const body = refreshRequestBody({ authorizeUrl: '', tokenUrl: '', logoutUrl: '', clientId: 'client-1', scopes: [] }, 'rt')
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'refresh_token', client_id: 'client-1', refresh_token: 'rt' })
  })
})
