import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mayLeave, navigate, setLeaveGuard } from '../../../web/editor/routes.ts'
import { t } from '../../../web/editor/text.ts'
import { partnerFeedsText } from '../../../web/editor/views/partner-feeds-text.ts'

describe("leaving unsaved work is asked in the workspace's own dialog, not confirm() (issue 17)", () => {
  const pushState = vi.fn()
  beforeEach(() => {
    pushState.mockReset()
    vi.stubGlobal('history', { pushState, replaceState: vi.fn() })
    vi.stubGlobal('dispatchEvent', vi.fn())
  })
  afterEach(() => {
    setLeaveGuard(undefined)
    vi.unstubAllGlobals()
  })

  it('waits for the answer: staying keeps the address, leaving goes', async () => {
    let answer!: (leave: boolean) => void
    setLeaveGuard(() => new Promise((resolve) => (answer = resolve)))
    const staying = navigate('/redaktor/innlandet/media')
    await Promise.resolve()
    expect(pushState).not.toHaveBeenCalled()
    answer(false)
    await expect(staying).resolves.toBe(false)
    expect(pushState).not.toHaveBeenCalled()

    const leaving = navigate('/redaktor/innlandet/media')
    answer(true)
    await expect(leaving).resolves.toBe(true)
    expect(pushState).toHaveBeenCalledWith(null, '', '/redaktor/innlandet/media')
  })

  it('asks nothing without unsaved work, and never when forced', async () => {
    await expect(mayLeave()).resolves.toBe(true)
    const guard = vi.fn(async () => false)
    setLeaveGuard(guard)
    await expect(navigate('/redaktor/', { force: true })).resolves.toBe(true)
    expect(guard).not.toHaveBeenCalled()
  })

  it('asks questions that name their action and warn that it loses something', () => {
    for (const question of [t.confirmLeave, partnerFeedsText.confirmUnsubscribe('Sykehuset Innlandet')]) {
      expect(question.title).toMatch(/\?$/)
      expect(question.confirm).not.toMatch(/^(OK|Ja)$/i)
      expect(question.danger).toBe(true)
    }
    expect(partnerFeedsText.confirmUnsubscribe('Sykehuset Innlandet').title).toBe('Avslutte abonnementet på kalenderen til Sykehuset Innlandet?')
  })

  it('leaves no confirm() in the workspace', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []))
    const callers = sources('web/editor').filter((file) => /(^|[^.\w])confirm\(/.test(readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
    expect(callers).toEqual([])
  })
})
