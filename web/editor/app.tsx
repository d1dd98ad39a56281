import { useEffect, useMemo, useState } from 'preact/hooks'
import { ApiError, createApiClient } from './api/client.ts'
import { me as fetchMe } from './api/endpoints.ts'
import type { Me, SignInConfig, Topic } from './api/types.ts'
import { watchSession } from './auth/session-timer.ts'
import { completeSignIn, endSession, extendSession, fetchSignInConfig, loadSession, signOut, takeSignInNotice, type Session } from './auth/session.ts'
import { Loading } from './components/common.tsx'
import { SessionWarning } from './components/session-warning.tsx'
import { t } from './text.ts'
import { SignIn } from './views/sign-in.tsx'
import { Workspace } from './views/workspace.tsx'

type Phase =
  | { kind: 'starting' }
  | { kind: 'signed-out'; config?: SignInConfig; notice?: string; error?: string }
  | { kind: 'ready'; config: SignInConfig; session: Session; me: Me; topics: Topic[] }

/** Topic areas for tagging; the workspace still works (with a text field) if they cannot be read. */
async function loadTopics(): Promise<Topic[]> {
  try {
    const response = await fetch('/api/v1/topics', { headers: { accept: 'application/json' } })
    if (!response.ok) return []
    const body = (await response.json()) as { items?: Array<{ slug: string; name: string }> }
    return (body.items ?? []).map(({ slug, name }) => ({ slug, name }))
  } catch {
    return []
  }
}

/** Signs the editor in (or sees that they are), then hands over to the workspace. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' })

  const expire = (config: SignInConfig | undefined, notice: string) => {
    endSession()
    setPhase({ kind: 'signed-out', config, notice })
  }

  useEffect(() => {
    void (async () => {
      let config: SignInConfig
      try {
        config = await fetchSignInConfig()
      } catch {
        setPhase({ kind: 'signed-out', error: t.configMissing })
        return
      }
      const params = new URLSearchParams(location.search)
      if (location.pathname === '/redaktor/' && (params.has('code') || params.has('error'))) {
        try {
          history.replaceState(null, '', await completeSignIn(config, params))
        } catch {
          history.replaceState(null, '', '/redaktor/')
          setPhase({ kind: 'signed-out', config, error: t.signInFailed })
          return
        }
      }
      const session = loadSession()
      if (!session) {
        setPhase({ kind: 'signed-out', config, notice: takeSignInNotice() })
        return
      }
      const api = createApiClient({ token: () => session.accessToken, onUnauthorized: () => {} })
      try {
        const [me, topics] = await Promise.all([fetchMe(api), loadTopics()])
        setPhase({ kind: 'ready', config, session, me, topics })
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expire(config, t.sessionExpired)
        else setPhase({ kind: 'signed-out', config, error: t.errorNetwork })
      }
    })()
  }, [])

  // The token's lifetime is known: two minutes before it runs out the editor is warned and may extend it; when it
  // runs out, back to sign-in with a message (work is backed up). Extending changes only the stored session (the
  // API client reads the token from there), so the views are not rebuilt.
  const [expiresAt, setExpiresAt] = useState<number>()
  const [warning, setWarning] = useState(false)
  useEffect(() => {
    if (phase.kind !== 'ready') return
    return watchSession(expiresAt ?? phase.session.expiresAt, (next) => {
      setWarning(next === 'warning')
      if (next === 'expired') expire(phase.config, t.sessionExpired)
    })
  }, [phase, expiresAt])

  const api = useMemo(
    () =>
      phase.kind === 'ready'
        ? // The token is read from the tab's storage on every request: once it has expired there, nothing is sent with it.
          createApiClient({ token: () => loadSession()?.accessToken, onUnauthorized: () => expire(phase.config, t.sessionExpired) })
        : undefined,
    [phase],
  )

  if (phase.kind === 'starting')
    return (
      <main id="main" class="sign-in">
        <Loading />
      </main>
    )
  if (phase.kind === 'signed-out' || !api) return <SignIn config={phase.kind === 'signed-out' ? phase.config : undefined} notice={phase.kind === 'signed-out' ? phase.notice : undefined} error={phase.kind === 'signed-out' ? phase.error : undefined} />
  const extend = async () => {
    const session = await extendSession(phase.config)
    setWarning(false)
    setExpiresAt(session.expiresAt)
  }
  return (
    <>
      <Workspace api={api} me={phase.me} topics={phase.topics} onSignOut={() => signOut(phase.config, t.signedOut)} />
      {warning && <SessionWarning expiresAt={expiresAt ?? phase.session.expiresAt} onExtend={extend} />}
    </>
  )
}
