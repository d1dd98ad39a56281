/**
 * OAuth2 authorization code + PKCE (RFC 7636) for a public browser client: a fresh random verifier per
 * sign-in, its S256 challenge sent to the authorize endpoint, the verifier itself only to the token endpoint.
 * Pure functions over Web Crypto, so Node's test runner checks them against RFC 7636's worked example.
 */

export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** 32 random bytes as base64url: a 43-character verifier (the minimum RFC 7636 allows, 256 bits of entropy). */
export function randomToken(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)))
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64url(new Uint8Array(digest))
}

export interface SignInConfig {
  authorizeUrl: string
  tokenUrl: string
  logoutUrl: string
  clientId: string
  scopes: string[]
}

export function authorizeRequestUrl(config: SignInConfig, request: { redirectUri: string; state: string; challenge: string }): string {
  const url = new URL(config.authorizeUrl)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', config.clientId)
  url.searchParams.set('redirect_uri', request.redirectUri)
  url.searchParams.set('scope', config.scopes.join(' '))
  url.searchParams.set('state', request.state)
  url.searchParams.set('code_challenge', request.challenge)
  url.searchParams.set('code_challenge_method', 'S256')
  return url.href
}

/** The form body that trades the code for tokens (application/x-www-form-urlencoded). */
export function tokenRequestBody(config: SignInConfig, grant: { code: string; verifier: string; redirectUri: string }): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.verifier,
  })
}

/** The form body that trades the sign-in's refresh token for a new access token («Forleng», issue 17). */
export function refreshRequestBody(config: SignInConfig, refreshToken: string): URLSearchParams {
  return new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refreshToken })
}

/** Cognito's logout endpoint wants the client id and a logout_uri registered for the client. */
export function logoutRequestUrl(config: SignInConfig, logoutUri: string): string {
  const url = new URL(config.logoutUrl)
  url.searchParams.set('client_id', config.clientId)
  url.searchParams.set('logout_uri', logoutUri)
  return url.href
}
