import { useEffect, useRef, useState } from 'preact/hooks'
import type { OtherEditor } from '../api/endpoints.ts'
import { useWorkspace } from '../context.ts'
import { presenceText } from './presence-text.ts'

/** How often an open item says «I am here»; the server counts a heartbeat for 90 s, so one may be missed. */
export const heartbeatMs = 30_000

/**
 * Who else has the item open (issue 17): a heartbeat every 30 s while the tab is visible (none while hidden, one at
 * once when it is shown again), and a best-effort goodbye when the editor leaves the item or the page. The notice's
 * sentence is read out once when it appears, not on every heartbeat.
 */
export function usePresence(itemId: string | undefined): OtherEditor[] {
  const { tenantApi: server, announce } = useWorkspace()
  const [others, setOthers] = useState<OtherEditor[]>([])
  const shown = useRef(false)

  useEffect(() => {
    if (!itemId) return
    let stopped = false
    const beat = () => {
      if (document.visibilityState === 'hidden') return
      // A missed heartbeat is only a stale notice; the next one mends it.
      server.heartbeat(itemId).then(
        (answer) => !stopped && setOthers(answer.others),
        () => {},
      )
    }
    const leave = (event?: Event) => void server.leave(itemId, event?.type === 'pagehide').catch(() => {})
    const onVisibility = () => document.visibilityState === 'visible' && beat()
    beat()
    const timer = setInterval(beat, heartbeatMs)
    document.addEventListener('visibilitychange', onVisibility)
    addEventListener('pagehide', leave)
    return () => {
      stopped = true
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
      removeEventListener('pagehide', leave)
      leave()
    }
  }, [itemId, server])

  useEffect(() => {
    if (others.length && !shown.current) announce(presenceText.othersHere(others))
    shown.current = others.length > 0
  }, [others])

  return others
}
