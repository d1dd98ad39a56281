import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { canEditTenant, type Principal } from './principal.ts'
import type { TokenVerifier } from './verifier.ts'

export type EditorEnv = { Variables: { principal: Principal } }

/**
 * Behind CloudFront with OAC the viewer's `Authorization` is replaced by CloudFront's own signature, so the
 * edge function passes the bearer token on in `x-forwarded-authorization` (infra/stacks/edge-functions.ts).
 */
function bearerToken(c: Context): string | undefined {
  for (const header of [c.req.header('x-forwarded-authorization'), c.req.header('authorization')]) {
    const match = header?.match(/^Bearer\s+(\S+)$/i)
    if (match) return match[1]
  }
  return undefined
}

/** Every editor route: a valid token or 401. */
export function requireEditor(verifier: () => TokenVerifier | undefined): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const verify = verifier()
    if (!verify) throw new HTTPException(503, { message: 'Sign-in is not configured for this deployment.' })
    const token = bearerToken(c)
    if (!token) throw new HTTPException(401, { message: 'Sign in first: send Authorization: Bearer <access token>.' })
    c.set('principal', await verify(token))
    await next()
  }
}

/** The tenant in the path must be one the token may edit; the path alone never grants anything. */
export function assertTenant(c: Context<EditorEnv>, tenant: string): Principal {
  const principal = c.get('principal')
  if (!canEditTenant(principal, tenant)) throw new HTTPException(403, { message: `You are not an editor of '${tenant}'.` })
  return principal
}

export function assertAdmin(c: Context<EditorEnv>): Principal {
  const principal = c.get('principal')
  if (!principal.isAdmin) throw new HTTPException(403, { message: 'Only administrators may do this.' })
  return principal
}
