import { authorizeRequestUrl, codeChallenge, logoutRequestUrl, randomToken, tokenRequestBody, type SignInConfig } from './pkce.ts'

/**
 * The editor's session lives in sessionStorage: it ends with the tab, is never sent anywhere by itself, and
 * no refresh token is kept. When the access token expires the editor signs in again (unsaved work is kept
 * by the item editor's local backup, see form/backup.ts).
 */
export interface Session {
  accessToken: string
  expiresAt: number
}

const sessionKey = 'kb.editor.session'
const pendingKey = 'kb.editor.pending-sign-in'
const noticeKey = 'kb.editor.sign-in-notice'

/** Cognito only accepts the callback URL registered for the client: exactly the workspace root. */
export const redirectUri = () => `${location.origin}/redaktor/`

export function loadSession(now = Date.now()): Session | undefined {
  const raw = sessionStorage.getItem(sessionKey)
  if (!raw) return undefined
  try {
    const session = JSON.parse(raw) as Session
    if (typeof session.accessToken === 'string' && session.expiresAt > now) return session
  } catch {
    // A damaged entry is treated as no session.
  }
  sessionStorage.removeItem(sessionKey)
  return undefined
}

export async function fetchSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/api/editor/config', { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`config ${response.status}`)
  return (await response.json()) as SignInConfig
}

/** Sends the browser to the sign-in page with a fresh verifier and state; comes back to `returnTo` afterwards. */
export async function startSignIn(config: SignInConfig, returnTo: string): Promise<void> {
  const verifier = randomToken()
  const state = randomToken(16)
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }))
  location.assign(authorizeRequestUrl(config, { redirectUri: redirectUri(), state, challenge: await codeChallenge(verifier) }))
}

export class SignInError extends Error {}

/**
 * Handles `?code=…&state=…` on the workspace root: the state must be the one this tab sent (a forged or
 * replayed callback is refused), then the code and verifier are traded for tokens. Returns where to go next.
 */
export async function completeSignIn(config: SignInConfig, params: URLSearchParams): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as { verifier: string; state: string; returnTo: string } | null
  sessionStorage.removeItem(pendingKey)
  if (params.get('error')) throw new SignInError(params.get('error_description') ?? params.get('error') ?? '')
  const code = params.get('code')
  if (!pending || !code || params.get('state') !== pending.state) throw new SignInError('state')
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: tokenRequestBody(config, { code, verifier: pending.verifier, redirectUri: redirectUri() }),
  })
  if (!response.ok) throw new SignInError(`token ${response.status}`)
  const tokens = (await response.json()) as { access_token: string; expires_in: number }
  // A minute's margin, so a request is never sent with a token that expires on the way.
  const session: Session = { accessToken: tokens.access_token, expiresAt: Date.now() + (tokens.expires_in - 60) * 1000 }
  sessionStorage.setItem(sessionKey, JSON.stringify(session))
  return pending.returnTo.startsWith('/redaktor') ? pending.returnTo : '/redaktor/'
}

/** Ends the session here, leaving a notice for the sign-in screen. */
export function endSession(notice?: string): void {
  sessionStorage.removeItem(sessionKey)
  if (notice) sessionStorage.setItem(noticeKey, notice)
}

export function takeSignInNotice(): string | undefined {
  const notice = sessionStorage.getItem(noticeKey) ?? undefined
  sessionStorage.removeItem(noticeKey)
  return notice
}

/** Signs out here and at the identity provider, which sends the browser back to the workspace. */
export function signOut(config: SignInConfig, notice?: string): void {
  endSession(notice)
  // Signing out on purpose also drops unsaved-work backups (form/backup.ts): the next person here must not see them.
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('kb.editor.backup:')) sessionStorage.removeItem(key)
  location.assign(logoutRequestUrl(config, redirectUri()))
}
