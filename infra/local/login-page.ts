import { html } from 'hono/html'
import type { DemoEditor } from './demo-editors.ts'

/** The local sign-in page (Cognito's hosted page stands here in AWS). Plain HTML, bokmål, no script. */
export function loginPage(props: {
  params: { clientId: string; redirectUri: string; state: string; challenge: string; method: string; responseType: string }
  users: DemoEditor[]
  error?: string
  /** The address typed before a refused attempt: kept, so only the password is typed again (issue 17). */
  username?: string
}) {
  const { params } = props
  return html`<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Logg inn – Kompetansebroen redaktør (lokal)</title>
    <!-- No icon of its own: without this line Chromium asks for /favicon.ico and logs the 404 as a console error. -->
    <link rel="icon" href="data:," />
  </head>
  <body>
    <main>
      <h1>Logg inn som redaktør</h1>
      <p>Dette er den lokale innloggingen. I AWS logger redaktører inn med Amazon Cognito.</p>
      ${props.error ? html`<p role="alert"><strong>${props.error}</strong></p>` : ''}
      <form method="post" action="/dev-auth/oauth2/authorize">
        <input type="hidden" name="client_id" value="${params.clientId}" />
        <input type="hidden" name="redirect_uri" value="${params.redirectUri}" />
        <input type="hidden" name="state" value="${params.state}" />
        <input type="hidden" name="code_challenge" value="${params.challenge}" />
        <input type="hidden" name="code_challenge_method" value="${params.method}" />
        <input type="hidden" name="response_type" value="${params.responseType}" />
        <p>
          <label for="username">E-postadresse</label><br />
          <input id="username" name="username" type="email" autocomplete="username" required value="${props.username ?? ''}" />
        </p>
        <p>
          <label for="password">Passord</label><br />
          <input id="password" name="password" type="password" autocomplete="current-password" required ${props.error && props.username ? html`autofocus aria-invalid="true" ` : ''}/>
        </p>
        <p><button type="submit">Logg inn</button></p>
      </form>
      <h2>Demokontoer</h2>
      <ul>
        ${props.users.map((user) => html`<li><code>${user.username}</code> – ${user.name} (${user.groups.join(', ')})</li>`)}
      </ul>
    </main>
  </body>
</html>`
}
