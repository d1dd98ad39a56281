import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose'
import { HTTPException } from 'hono/http-exception'
import { principalFromClaims, type Principal } from './principal.ts'

/** Where tokens come from: Cognito in AWS, the local runner's own sign-in locally. Same checks for both. */
export interface AuthConfig {
  issuer: string
  jwksUrl: string
  clientId: string
  /** OAuth2 endpoints the editor workspace uses for sign-in with code + PKCE, and sign-out. */
  authorizeUrl: string
  tokenUrl: string
  logoutUrl: string
}

export type TokenVerifier = (token: string) => Promise<Principal>

const unauthorized = (message: string) => new HTTPException(401, { message })

/**
 * Verifies an access token: signature against the issuer's JWKS, issuer, expiry, and that it is an access
 * token issued to our own app client (Cognito access tokens carry `client_id`, not `aud`).
 */
export function createTokenVerifier(config: AuthConfig, keySet: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl))): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, { issuer: config.issuer, algorithms: ['RS256'], clockTolerance: 5 })
      if (payload.token_use !== 'access') throw unauthorized('Send an access token, not an ID token.')
      if (payload.client_id !== config.clientId) throw unauthorized('The token was issued to another application.')
      return principalFromClaims(payload)
    } catch (error) {
      if (error instanceof HTTPException) throw error
      if (error instanceof errors.JWTExpired) throw unauthorized('Your sign-in has expired. Sign in again.')
      throw unauthorized('The access token is not valid. Sign in again.')
    }
  }
}
