import { useState } from 'preact/hooks'
import { startSignIn } from '../auth/session.ts'
import type { SignInConfig } from '../api/types.ts'
import { PageTitle } from '../components/common.tsx'
import { t } from '../text.ts'

/** Shown whenever there is no valid session: why (expired, signed out, failed), and one button to sign in. */
export function SignIn({ config, notice, error }: { config?: SignInConfig; notice?: string; error?: string }) {
  const [busy, setBusy] = useState(false)
  const signIn = async () => {
    if (!config) return
    setBusy(true)
    const returnTo = location.pathname.startsWith('/redaktor') ? location.pathname + location.search : '/redaktor/'
    await startSignIn(config, returnTo)
  }
  return (
    <main id="main" class="sign-in" tabIndex={-1}>
      <p class="brand-line">{t.appName}</p>
      <PageTitle>{t.signInTitle}</PageTitle>
      {notice && (
        <div class="notice notice-warning" role="alert">
          {notice}
        </div>
      )}
      {error && (
        <div class="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <p>{t.signInIntro}</p>
      <button type="button" class="button button-primary" onClick={signIn} disabled={!config || busy} aria-busy={busy ? 'true' : undefined}>
        {busy ? t.signingIn : t.signIn}
      </button>
    </main>
  )
}
