import type { Context, MiddlewareHandler } from 'hono'
import { slugPattern } from '../content/vocabulary.ts'
import { ApiError, badRequest, forbidden, notFound } from '../shared/errors.ts'
import { canEditTenant, type Principal } from './principal.ts'
import type { TokenVerifier } from './verifier.ts'

export type EditorEnv = { Variables: { principal: Principal; tenant: string } }

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

/**
 * Every editor route: a valid token of an account that is not deactivated, or 401. A token stays valid for up to an
 * hour after an admin deactivates its account, so `isDeactivated` (functions/tenants/sign-ins.ts: cached up to 30 s
 * per instance, never a read per request) refuses it sooner; 401 signs the workspace out.
 */
export function requireEditor(verifier: () => TokenVerifier | undefined, isDeactivated: (username: string) => Promise<boolean> = async () => false): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const verify = verifier()
    if (!verify) throw new ApiError(503, 'Sign-in is not configured for this deployment.')
    const token = bearerToken(c)
    if (!token) throw new ApiError(401, 'Sign in first: send Authorization: Bearer <access token>.')
    const principal = await verify(token)
    if (await isDeactivated(principal.username)) throw new ApiError(401, 'This account has been deactivated. Ask an administrator if you need access again.')
    c.set('principal', principal)
    await next()
  }
}

/**
 * Mounted once on `/api/editor/tenants/:tenant/*`: the tenant in the path must be well-formed, one the token may
 * edit, and exist, before any route of any capability runs. Routes read it with `c.get('tenant')`; the path alone
 * never grants anything.
 */
export function tenantGuard(tenantExists: (tenant: string) => Promise<boolean>): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const tenant = c.req.param('tenant') ?? ''
    if (tenant.length > 40 || !slugPattern.test(tenant)) throw badRequest(`Invalid param: tenant: '${tenant.slice(0, 40)}' is not an edition id (lower-case a–z, digits, hyphens).`)
    if (!canEditTenant(c.get('principal'), tenant)) throw forbidden(`You are not an editor of '${tenant}'.`)
    if (!(await tenantExists(tenant))) throw notFound(`Unknown tenant '${tenant}'.`)
    c.set('tenant', tenant)
    await next()
  }
}

export function assertAdmin(c: Context<EditorEnv>): Principal {
  const principal = c.get('principal')
  if (!principal.isAdmin) throw forbidden('Only administrators may do this.')
  return principal
}
