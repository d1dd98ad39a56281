import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import type { AuthConfig } from '../../functions/auth/verifier.ts'
import { cognitoEndpoints } from '../../functions/shared/config.ts'
import { rateLimit } from '../../functions/shared/rate-limit.ts'
import type { DemoEditor } from './demo-editors.ts'
import { loginPage } from './login-page.ts'

/**
 * The local stand-in for Cognito's hosted sign-in: the same OAuth2 code + PKCE endpoints and token claims
 * (`token_use`, `client_id`, `cognito:groups`), signed with a key published as a JWKS. The API verifies these
 * tokens with exactly the code that verifies Cognito's in AWS.
 */
export interface LocalIdentityOptions {
  /** Public origin of the local system, e.g. http://127.0.0.1:3000. */
  origin: string
  users: DemoEditor[]
  clientId?: string
  accessTokenSeconds?: number
}

const base64url = (bytes: Buffer) => bytes.toString('base64url')
const s256 = (verifier: string) => base64url(createHash('sha256').update(verifier).digest())

export async function createLocalIdentityProvider(options: LocalIdentityOptions) {
  const mount = '/dev-auth'
  const issuer = `${options.origin}${mount}`
  const clientId = options.clientId ?? 'kompetansebroen-local'
  const lifetime = options.accessTokenSeconds ?? 3600
  const keyId = randomUUID()
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' }
  const codes = new Map<string, { user: DemoEditor; challenge: string; redirectUri: string; expiresAt: number }>()
  const refreshTokens = new Map<string, DemoEditor>()

  const config: AuthConfig = { issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, clientId, ...cognitoEndpoints(issuer) }

  /**
   * An access token as Cognito shapes it, so without a `name` (the API finds names as in AWS: from the directory, at
   * /me); tests ask for expired ones too.
   */
  async function accessToken(user: Pick<DemoEditor, 'username' | 'groups'> & { name?: string }, expiresInSeconds = lifetime) {
    const now = Math.floor(Date.now() / 1000)
    return new SignJWT({ token_use: 'access', client_id: clientId, username: user.username, 'cognito:groups': user.groups, scope: 'openid' })
      .setProtectedHeader({ alg: 'RS256', kid: keyId })
      .setIssuer(issuer)
      .setSubject(`local-${user.username}`)
      // Cognito gives every token its own jti, so a refresh within the same second is still a new token.
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + expiresInSeconds)
      .sign(privateKey)
  }

  async function tokensFor(user: DemoEditor) {
    const refresh = base64url(randomBytes(32))
    refreshTokens.set(refresh, user)
    const idToken = await new SignJWT({ token_use: 'id', email: user.username, name: user.name, 'cognito:groups': user.groups })
      .setProtectedHeader({ alg: 'RS256', kid: keyId })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(`local-${user.username}`)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`)
      .sign(privateKey)
    return { access_token: await accessToken(user), id_token: idToken, refresh_token: refresh, expires_in: lifetime, token_type: 'Bearer' }
  }

  const allowedRedirect = (uri: string) => uri.startsWith(`${options.origin}/redaktor`)
  const oauthError = (c: Context, error: string, description: string) => c.json({ error, error_description: description }, 400)

  const app = new Hono().basePath(mount)
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [jwk] }))

  const authorizeParams = (source: Record<string, string | undefined>) => ({
    clientId: source.client_id ?? '',
    redirectUri: source.redirect_uri ?? '',
    state: source.state ?? '',
    challenge: source.code_challenge ?? '',
    method: source.code_challenge_method ?? '',
    responseType: source.response_type ?? '',
  })

  const checkAuthorize = (params: ReturnType<typeof authorizeParams>) => {
    if (params.clientId !== clientId) return 'Unknown client_id.'
    if (!allowedRedirect(params.redirectUri)) return 'redirect_uri must be the editor workspace.'
    if (params.responseType !== 'code') return 'Only response_type=code is supported.'
    if (!params.challenge || params.method !== 'S256') return 'PKCE is required: send code_challenge with code_challenge_method=S256.'
    return undefined
  }

  app.get('/oauth2/authorize', (c) => {
    const params = authorizeParams(c.req.query())
    const problem = checkAuthorize(params)
    if (problem) return oauthError(c, 'invalid_request', problem)
    return c.html(loginPage({ params, users: options.users }))
  })

  // Password guessing (issue 15). In AWS the hosted sign-in is Cognito's, which throttles and locks out on its own;
  // this stand-in limits per address (the socket's peer under npm start) as the app-level equivalent.
  const signInLimit = rateLimit({ limit: 20, windowMs: 10 * 60_000, refuse: (c, seconds) => c.text(`For mange innloggingsforsøk. Prøv igjen om ${seconds} sekunder.`, 429) })
  app.post('/oauth2/authorize', signInLimit, async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string>
    const params = authorizeParams(form)
    const problem = checkAuthorize(params)
    if (problem) return oauthError(c, 'invalid_request', problem)
    const user = options.users.find((candidate) => candidate.username === form.username?.trim().toLowerCase())
    if (!user || user.disabled || user.password !== form.password)
      return c.html(loginPage({ params, users: options.users, error: 'Feil e-postadresse eller passord.', username: form.username?.trim() }), 401)
    const code = base64url(randomBytes(24))
    codes.set(code, { user, challenge: params.challenge, redirectUri: params.redirectUri, expiresAt: Date.now() + 5 * 60_000 })
    const target = new URL(params.redirectUri)
    target.searchParams.set('code', code)
    if (params.state) target.searchParams.set('state', params.state)
    return c.redirect(target.href, 303)
  })

  app.post('/oauth2/token', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string>
    if (form.client_id !== clientId) return oauthError(c, 'invalid_client', 'Unknown client_id.')
    if (form.grant_type === 'refresh_token') {
      const user = refreshTokens.get(form.refresh_token ?? '')
      // A deactivated account's refresh tokens are revoked, as Cognito's AdminUserGlobalSignOut does (directory.ts).
      if (!user || user.disabled) return oauthError(c, 'invalid_grant', 'Unknown or revoked refresh token.')
      return c.json({ access_token: await accessToken(user), expires_in: lifetime, token_type: 'Bearer' })
    }
    if (form.grant_type !== 'authorization_code') return oauthError(c, 'unsupported_grant_type', 'Use authorization_code or refresh_token.')
    const grant = codes.get(form.code ?? '')
    codes.delete(form.code ?? '')
    if (!grant || grant.expiresAt < Date.now()) return oauthError(c, 'invalid_grant', 'The code is unknown, used or expired.')
    if (grant.redirectUri !== form.redirect_uri) return oauthError(c, 'invalid_grant', 'redirect_uri does not match the authorization request.')
    if (!form.code_verifier || s256(form.code_verifier) !== grant.challenge) return oauthError(c, 'invalid_grant', 'PKCE verification failed.')
    return c.json(await tokensFor(grant.user))
  })

  app.post('/oauth2/revoke', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string>
    refreshTokens.delete(form.token ?? '')
    return c.body(null, 200)
  })

  app.get('/logout', (c) => {
    const target = c.req.query('logout_uri') ?? ''
    return c.redirect(allowedRedirect(target) ? target : `${options.origin}/`, 302)
  })

  return { app, config, accessToken }
}
export type LocalIdentityProvider = Awaited<ReturnType<typeof createLocalIdentityProvider>>
