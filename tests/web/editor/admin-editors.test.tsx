import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { EditorAccount } from '../../../web/editor/api/admin.ts'
import { parseRoute, paths } from '../../../web/editor/routes.ts'
import { adminText } from '../../../web/editor/views/admin/admin-text.ts'
import { EditorsPage, inviteErrors } from '../../../web/editor/views/admin/editors.tsx'

const account = (over: Partial<EditorAccount>): EditorAccount => ({ email: 'kari@example.no', name: 'Kari Nordmann', tenants: ['innlandet'], admin: false, status: 'CONFIRMED', active: true, lastSignInAt: null, ...over })
const editions = [
  { id: 'innlandet', name: 'Kompetansebroen Innlandet' },
  { id: 'vestfold', name: 'Kompetansebroen Vestfold' },
]
const blank = { email: '', name: '', tenants: [], admin: false }

describe('the admin area: editor accounts (issue 17)', () => {
  it('has its own address', () => {
    expect(paths.adminEditors()).toBe('/redaktor/admin/redaktorer')
    expect(parseRoute('/redaktor/admin/redaktorer', '')).toEqual({ name: 'adminEditors' })
  })

  it('lists each account with its editions by name, admin right, state and last sign-in in Norwegian format', () => {
    const html = renderToString(
      <EditorsPage
        accounts={[account({ lastSignInAt: '2026-12-01T08:05:00.000Z' }), account({ email: 'ola@example.no', name: 'Ola', tenants: [], admin: true, active: false })]}
        editions={editions}
        invite={blank}
        errors={{}}
      />,
    )
    expect(html).toContain('<h1 tabindex="-1">Redaktører</h1>')
    expect(html).toContain('Kompetansebroen Innlandet')
    expect(html).toMatch(/1\. des\.? 2026|01\.12\.2026/)
    expect(html).toContain('09:05')
    expect(html).toContain('Ikke registrert')
    expect(html).toContain('<strong>Deaktivert</strong>')
    expect(html).toContain('aria-label="Deaktiver kontoen til Kari Nordmann"')
    expect(html).toContain('aria-label="Aktiver igjen kontoen til Ola"')
    expect(html).toContain('aria-label="Endre tilgang for Kari Nordmann"')
    expect(html).toMatch(/<label for="f-invite-email">E-postadresse/)
    expect(html).toContain('<legend>Utgaver redaktøren kan redigere</legend>')
  })

  it("opens the access form with the account's editions and admin right checked", () => {
    const kari = account({ tenants: ['vestfold'], admin: true })
    const html = renderToString(<EditorsPage accounts={[kari]} editions={editions} invite={blank} errors={{}} editing={{ account: kari, tenants: kari.tenants, admin: true }} />)
    expect(html).toContain('Tilgangen til Kari Nordmann</h2>')
    expect(html).toMatch(/<input id="f-access-tenants-vestfold" type="checkbox" checked/)
    expect(html).not.toMatch(/<input id="f-access-tenants-innlandet" type="checkbox" checked/)
    expect(html).toMatch(/<input id="f-access-admin" type="checkbox" checked/)
  })

  it('checks an invitation in bokmål and ties the error to its field', () => {
    expect(inviteErrors({ ...blank, email: 'ikke-epost' })).toEqual({ email: adminText.emailInvalid, name: 'Fyll ut feltet.' })
    expect(inviteErrors({ ...blank, email: 'ny@oslo.no', name: 'Nora' })).toEqual({})
    const html = renderToString(<EditorsPage accounts={[]} editions={editions} invite={blank} errors={{ email: adminText.editorExists }} />)
    expect(html).toMatch(/<input id="f-invite-email" name="invite-email" aria-invalid="true" aria-describedby="f-invite-email-error"/)
    expect(html).toContain('Det finnes allerede en konto med denne e-postadressen.')
  })

  it('asks before deactivating, naming the account and saying what happens', () => {
    const question = adminText.deactivateQuestion('Kari Nordmann')
    expect(question).toMatchObject({ title: 'Deaktivere kontoen til Kari Nordmann?', confirm: 'Deaktiver kontoen', danger: true })
    expect(question.text).toContain('kan aktiveres igjen')
  })
})
