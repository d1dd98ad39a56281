import { adminGroup, editorGroup } from '../../infra/definitions.ts'

/** Who is calling the editor API, as the verified token says. */
export interface Principal {
  subject: string
  username: string
  name?: string
  groups: string[]
  isAdmin: boolean
  /** Tenants this person edits through `editor:{tenant}` groups (admins edit every tenant besides). */
  tenants: string[]
  /** When this sign-in happened (the token's auth_time, else when it was issued), as an ISO time. */
  signedInAt?: string
}

const editorPrefix = editorGroup('')

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]).map(String) : []
  return {
    subject: String(claims.sub),
    username: String(claims.username ?? claims['cognito:username'] ?? claims.sub),
    name: typeof claims.name === 'string' ? claims.name : undefined,
    groups,
    isAdmin: groups.includes(adminGroup),
    tenants: groups.filter((group) => group.startsWith(editorPrefix)).map((group) => group.slice(editorPrefix.length)),
    signedInAt: signInTime(claims.auth_time ?? claims.iat),
  }
}

/** The one rule of tenant isolation: an editor of the tenant, or an admin. */
export const canEditTenant = (principal: Principal, tenant: string) => principal.isAdmin || principal.tenants.includes(tenant)

const signInTime = (seconds: unknown) => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined)
