import { useRef, useState } from 'preact/hooks'
import { describeError, focusIfLost } from '../../components/common.tsx'

/**
 * One admin action at a time (topic areas, editor accounts): buttons are disabled while it runs, its outcome is
 * shown and announced, the list read again, and focus goes to the outcome when the button that had it was
 * disabled or removed (WCAG 2.4.3). `atField` takes a refusal that belongs at a form field and says whether it did.
 */
export function useAdminAction(options: { announce: (text: string) => void; reload: () => Promise<unknown>; atField?: (error: unknown) => boolean }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [status, setStatus] = useState<string>()
  const statusRef = useRef<HTMLParagraphElement>(null)
  /** `done` may be a function, for an outcome the action itself counts (a merge's moved items). */
  const act = async (action: () => Promise<unknown>, done: string | (() => string)): Promise<boolean> => {
    setBusy(true)
    setProblem(undefined)
    setStatus(undefined)
    try {
      await action()
      const outcome = typeof done === 'string' ? done : done()
      setStatus(outcome)
      options.announce(outcome)
      await options.reload()
      return true
    } catch (error) {
      if (!options.atField?.(error)) setProblem(describeError(error))
      return false
    } finally {
      setBusy(false)
      focusIfLost(statusRef.current)
    }
  }
  return { busy, problem, setProblem, status, statusRef, act }
}
