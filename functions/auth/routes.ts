import { Hono } from 'hono'
import type { Services } from '../services.ts'
import { createSignIns } from '../tenants/sign-ins.ts'
import type { EditorEnv } from './middleware.ts'
import type { Principal } from './principal.ts'

/** `/api/editor/config` (public: what the workspace needs to start sign-in) and `/api/editor/me`. */
export function sessionRoutes(services: Services) {
  return new Hono<EditorEnv>()
    .get('/config', (c) => {
      const auth = services.config.auth
      c.header('cache-control', 'no-store')
      if (!auth) return c.json({ error: 'Sign-in is not configured for this deployment.' }, 503)
      return c.json({ authorizeUrl: auth.authorizeUrl, tokenUrl: auth.tokenUrl, logoutUrl: auth.logoutUrl, clientId: auth.clientId, scopes: ['openid'] })
    })
}

/** Who the token belongs to, with the editions they may edit (admins: all of them). */
export function meRoutes(services: Services) {
  return new Hono<EditorEnv>().get('/me', async (c) => {
    const principal = c.get('principal')
    const [catalog, name] = await Promise.all([services.catalog.get(), noteSignIn(services, principal)])
    // Hidden editions too (issue 17): their editors prepare them in the workspace before readers see them.
    const tenants = catalog.allTenants
      .filter((tenant) => principal.isAdmin || principal.tenants.includes(tenant.id))
      .map(({ id, name, regionName }) => ({ id, name, regionName }))
    return c.json({ username: principal.username, name: name ?? principal.username, isAdmin: principal.isAdmin, tenants })
  })
}

/**
 * The workspace asks who it is once as it starts, so this is where a sign-in is noted for the admins' list, with the
 * name colleagues will see in history, conflicts and presence. Cognito's access tokens carry no name, so the
 * directory is asked, once per sign-in; if it cannot answer, colleagues see the e-mail until the next sign-in.
 * Answers the editor's display name.
 */
async function noteSignIn(services: Services, principal: Principal): Promise<string | undefined> {
  const signIns = createSignIns(services.db)
  const at = principal.signedInAt
  if (!at || !(await signIns.isNewSignIn(principal.username, at))) return (await signIns.namer())(principal.username) ?? principal.name
  const name = principal.name ?? (await services.directory?.nameOf(principal.username).catch(() => undefined))
  await signIns.record(principal.username, at, name)
  return name
}
