import { authorizeRequestUrl, codeChallenge, logoutRequestUrl, randomToken, refreshRequestBody, tokenRequestBody, type SignInConfig } from './pkce.ts'

/**
 * The editor's session lives in sessionStorage: it ends with the tab and is never sent anywhere by itself. The
 * sign-in's refresh token is kept beside the access token, and used only when the editor asks to extend the
 * session («Forleng», two minutes before it ends: WCAG 2.2.1, issue 17); Cognito limits it to 12 hours
 * (infra/stacks/auth.ts). When the session ends the editor signs in again (unsaved work is kept by the item
 * editor's local backup, see form/backup.ts).
 */
export interface Session {
  accessToken: string
  expiresAt: number
  refreshToken?: string
}

/** A minute's margin, so a request is never sent with a token that expires on the way. */
const expiryFrom = (expiresInSeconds: number) => Date.now() + (expiresInSeconds - 60) * 1000

async function tokenRequest(config: SignInConfig, body: URLSearchParams): Promise<{ access_token: string; expires_in: number; refresh_token?: string }> {
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  })
  if (!response.ok) throw new SignInError(`token ${response.status}`)
  return response.json()
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
  const tokens = await tokenRequest(config, tokenRequestBody(config, { code, verifier: pending.verifier, redirectUri: redirectUri() }))
  const session: Session = { accessToken: tokens.access_token, expiresAt: expiryFrom(tokens.expires_in), refreshToken: tokens.refresh_token }
  sessionStorage.setItem(sessionKey, JSON.stringify(session))
  return pending.returnTo.startsWith('/redaktor') ? pending.returnTo : '/redaktor/'
}

/**
 * «Forleng»: a new access token for the session still open, from its refresh token (Cognito answers none with it
 * unless rotation is on, so the old one is kept). Throws when there is none or the identity provider refuses it.
 */
export async function extendSession(config: SignInConfig): Promise<Session> {
  const current = loadSession()
  if (!current?.refreshToken) throw new SignInError('no session to extend')
  const tokens = await tokenRequest(config, refreshRequestBody(config, current.refreshToken))
  const session: Session = { accessToken: tokens.access_token, expiresAt: expiryFrom(tokens.expires_in), refreshToken: tokens.refresh_token ?? current.refreshToken }
  sessionStorage.setItem(sessionKey, JSON.stringify(session))
  return session
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
