import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { localDirectory } from '../../../functions/tenants/directory.ts'
import { codeChallenge, refreshRequestBody } from '../../../web/editor/auth/pkce.ts'
import { demoEditors, demoPassword } from '../../../infra/local/demo-editors.ts'
import { createLocalIdentityProvider } from '../../../infra/local/identity.ts'

const origin = 'http://127.0.0.1:3000'
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

/** The local stand-in for Cognito's hosted sign-in, as the workspace uses it: app.request, no port. */
async function provider(users = demoEditors) {
  const identity = await createLocalIdentityProvider({ origin, users })
  const authorize = async (username: string, password: string) =>
    identity.app.request('/dev-auth/oauth2/authorize', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: identity.config.clientId,
        redirect_uri: `${origin}/redaktor/`,
        state: 'st',
        code_challenge: await codeChallenge(verifier),
        code_challenge_method: 'S256',
        response_type: 'code',
        username,
        password,
      }),
    })
  const token = (body: URLSearchParams) => identity.app.request('/dev-auth/oauth2/token', { method: 'POST', body })
  /** Signs in and exchanges the code, as the workspace does. */
  const signIn = async (username: string) => {
    const code = new URL((await authorize(username, demoPassword)).headers.get('location')!).searchParams.get('code')!
    const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: identity.config.clientId, code, redirect_uri: `${origin}/redaktor/`, code_verifier: verifier })
    return (await (await token(body)).json()) as { access_token: string; refresh_token: string }
  }
  return { identity, authorize, token, signIn }
}

describe('the local sign-in page (issue 17)', () => {
  it('keeps the e-mail address after a wrong password, and asks only for the password again', async () => {
    const { authorize } = await provider()
    const refused = await authorize('innlandet@example.no', 'feil-passord')
    expect(refused.status).toBe(401)
    const page = await refused.text()
    expect(page).toContain('Feil e-postadresse eller passord.')
    expect(page).toMatch(/<input id="username"[^>]* value="innlandet@example.no"/)
    expect(page).toMatch(/<input id="password"[^>]* autofocus aria-invalid="true"/)
    // What was typed is written back escaped, never as markup.
    expect(await (await authorize('"><script>x</script>', 'x')).text()).not.toContain('<script>x')
  })

  it('extends a session with the refresh token from the sign-in («Forleng»)', async () => {
    const { identity, authorize, token } = await provider()
    const signedIn = await authorize('innlandet@example.no', demoPassword)
    expect(signedIn.status).toBe(303)
    const code = new URL(signedIn.headers.get('location')!).searchParams.get('code')!
    const first = (await (
      await token(new URLSearchParams({ grant_type: 'authorization_code', client_id: identity.config.clientId, code, redirect_uri: `${origin}/redaktor/`, code_verifier: verifier }))
    ).json()) as { access_token: string; refresh_token: string }
    expect(first.refresh_token).toBeTruthy()
    const config = { authorizeUrl: '', tokenUrl: '', logoutUrl: '', clientId: identity.config.clientId, scopes: [] }
    const extended = await token(refreshRequestBody(config, first.refresh_token))
    expect(extended.status).toBe(200)
    const body = (await extended.json()) as { access_token: string; expires_in: number }
    expect(body.access_token).toMatch(/^ey/)
    expect(body.expires_in).toBe(3600)
    expect((await token(refreshRequestBody(config, 'not-a-token'))).status).toBe(400)
  })

  it('shapes access tokens as Cognito does, without a name, and revokes a deactivated account\'s refresh tokens', async () => {
    // The directory and the sign-in share one list, as under npm start (infra/local/system.ts).
    const users = demoEditors.map((editor) => ({ ...editor, groups: [...editor.groups] }))
    const { identity, token, signIn } = await provider(users)
    const first = await signIn('vestfold@example.no')
    expect(decodeJwt(first.access_token)).not.toHaveProperty('name')
    await localDirectory(users, demoPassword).setActive('vestfold@example.no', false)
    const config = { authorizeUrl: '', tokenUrl: '', logoutUrl: '', clientId: identity.config.clientId, scopes: [] }
    const refused = await token(refreshRequestBody(config, first.refresh_token))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' })
  })
})
