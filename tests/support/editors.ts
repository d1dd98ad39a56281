import { createLocalJWKSet, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose'
import { createExamsApiApp } from '../../functions/exams-api.ts'
import { createEditorApiApp } from '../../functions/editor-api.ts'
import { createPublicApiApp } from '../../functions/public-api.ts'
import { createSearchApp } from '../../functions/search-app.ts'
import { createServices, type Services } from '../../functions/services.ts'
import { createAwsClients } from '../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../functions/shared/config.ts'
import { localDirectory } from '../../functions/tenants/directory.ts'
import { demoEditors, demoPassword } from '../../infra/local/demo-editors.ts'
import { createLocalIdentityProvider } from '../../infra/local/identity.ts'
import { createApiRouter } from '../../infra/local/router.ts'
import { createTestEnvironment } from './environment.ts'
import { seedCatalog } from './fixtures.ts'

/**
 * A test environment with editor sign-in: the local identity provider signs real tokens and the API verifies
 * them with the same code as in AWS. Tokens for every kind of caller the isolation tests need.
 */
export async function createEditorEnvironment(name: string, options: { config?: Partial<RuntimeConfig> } = {}) {
  const base = await createTestEnvironment(name)
  const identity = await createLocalIdentityProvider({ origin: 'http://127.0.0.1:3000', users: demoEditors })
  const jwks = (await (await identity.app.request('/dev-auth/.well-known/jwks.json')).json()) as JSONWebKeySet
  // Settings a test adds (e.g. partner feeds read from loopback, as the local runner allows).
  const config: RuntimeConfig = { ...base.config, ...options.config, auth: identity.config }
  const users = demoEditors.map((editor) => ({ ...editor, groups: [...editor.groups] }))
  const services: Services = createServices(config, createAwsClients(config), { authKeySet: createLocalJWKSet(jwks), directory: localDirectory(users, demoPassword) })
  await seedCatalog(services, ['nasjonal', 'akershus', 'innlandet', 'vestfold', 'ostfold'], ['demens', 'palliasjon'])
  const app = createEditorApiApp(services)
  /** The APIs behind `/api/*` as CloudFront routes them, for tests that call any of them. */
  const apis = createApiRouter({
    publicApi: createPublicApiApp(services),
    exams: createExamsApiApp(services),
    editorApi: app,
    search: createSearchApp(services, { assets: () => ({}), refreshMs: 0 }),
  })

  const user = (username: string) => demoEditors.find((editor) => editor.username === username)!
  const forgedKey = await generateKeyPair('RS256')
  const tokens = {
    admin: await identity.accessToken(user('admin@example.no')),
    akershus: await identity.accessToken(user('akershus@example.no')),
    innlandet: await identity.accessToken(user('innlandet@example.no')),
    expired: await identity.accessToken(user('akershus@example.no'), -120),
    /** The right claims and key id, signed with a key the issuer never published. */
    forged: await new SignJWT({ token_use: 'access', client_id: identity.config.clientId, username: 'akershus@example.no', 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: (jwks.keys[0] as { kid: string }).kid })
      .setIssuer(identity.config.issuer)
      .setSubject('forger')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(forgedKey.privateKey),
  }

  /** A JSON request as the workspace sends it. */
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })

  return { ...base, config, services, app, apis, identity, tokens, call }
}
