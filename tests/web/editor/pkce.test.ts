import { describe, expect, it } from 'vitest'
import { authorizeRequestUrl, base64url, codeChallenge, logoutRequestUrl, randomToken, tokenRequestBody } from '../../../web/editor/auth/pkce.ts'

const config = {
  authorizeUrl: 'https://auth.example/oauth2/authorize',
  tokenUrl: 'https://auth.example/oauth2/token',
  logoutUrl: 'https://auth.example/logout',
  clientId: 'client-1',
  scopes: ['openid', 'email'],
}

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('makes 43-character url-safe verifiers that differ every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => randomToken()))
    expect(tokens.size).toBe(50)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([251, 255, 191]))).toBe('-_-_')
    expect(base64url(new Uint8Array([1]))).toBe('AQ')
  })

  it('asks for a code with the challenge, state and the registered redirect', () => {
    const url = new URL(authorizeRequestUrl(config, { redirectUri: 'https://site.example/redaktor/', state: 'st', challenge: 'ch' }))
    expect(url.origin + url.pathname).toBe(config.authorizeUrl)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://site.example/redaktor/',
      scope: 'openid email',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    })
  })

  it('trades the code with the verifier, and logs out back to the workspace', () => {
    const body = tokenRequestBody(config, { code: 'c', verifier: 'v', redirectUri: 'https://site.example/redaktor/' })
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'authorization_code', client_id: 'client-1', code: 'c', redirect_uri: 'https://site.example/redaktor/', code_verifier: 'v' })
    const logout = new URL(logoutRequestUrl(config, 'https://site.example/redaktor/'))
    expect(logout.searchParams.get('client_id')).toBe('client-1')
    expect(logout.searchParams.get('logout_uri')).toBe('https://site.example/redaktor/')
  })
})
