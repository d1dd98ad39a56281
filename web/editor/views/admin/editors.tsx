import { useEffect, useRef, useState } from 'preact/hooks'
import * as z from 'zod'
import { adminApi, type EditorAccount } from '../../api/admin.ts'
import { ApiError } from '../../api/client.ts'
import { Alert, describeError, Loading, PageTitle } from '../../components/common.tsx'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { Checkbox, CheckboxGroup, TextField } from '../../components/fields.tsx'
import { StatsTable } from '../../components/stats-table.tsx'
import { formatShortDateTime } from '../../text/format.ts'
import type { AdminProps } from './admin-area.tsx'
import { AdminRefused } from './admin-refused.tsx'
import { adminText as t } from './admin-text.ts'
import { useAdminAction } from './use-admin-action.ts'

type Invite = { email: string; name: string; tenants: string[]; admin: boolean }
type InviteErrors = Partial<Record<'email' | 'name', string>>
const blankInvite: Invite = { email: '', name: '', tenants: [], admin: false }

/** What is wrong with an invitation, in bokmål, before it is sent. */
export function inviteErrors(invite: Invite): InviteErrors {
  const errors: InviteErrors = {}
  if (!invite.email.trim()) errors.email = t.required
  else if (!z.email().safeParse(invite.email.trim()).success) errors.email = t.emailInvalid
  if (!invite.name.trim()) errors.name = t.required
  return errors
}

/** `/redaktor/admin/redaktorer`: accounts, their editions and admin right, deactivating, last sign-in. */
export function EditorsView({ admin }: { admin: AdminProps }) {
  const api = adminApi(admin.api)
  const [accounts, setAccounts] = useState<EditorAccount[]>()
  const [invite, setInvite] = useState<Invite>(blankInvite)
  const [errors, setErrors] = useState<InviteErrors>({})
  const [editing, setEditing] = useState<Editing>()
  const confirmation = useConfirm()
  const load = () => api.editors().then(({ items }) => setAccounts(items), (error) => setProblem(describeError(error)))
  const { busy, problem, setProblem, status, statusRef, act } = useAdminAction({
    announce: admin.announce,
    reload: load,
    // 409 on an invitation: the address has an account. Said at the field, in bokmål.
    atField: (error) => error instanceof ApiError && error.status === 409 && (setErrors({ email: t.editorExists }), true),
  })
  useEffect(() => void load(), [])

  const sendInvite = async (event: Event) => {
    event.preventDefault()
    const found = inviteErrors(invite)
    setErrors(found)
    if (Object.keys(found).length) return
    const email = invite.email.trim().toLowerCase()
    if (await act(() => api.invite({ ...invite, email, name: invite.name.trim() }), t.invited(email))) setInvite(blankInvite)
  }

  const saveAccess = async (event: Event) => {
    event.preventDefault()
    if (!editing) return
    const { account, tenants, admin: isAdmin } = editing
    if (await act(() => api.setAccess(account.email, { tenants, admin: isAdmin }), t.accessSaved(account.name))) setEditing(undefined)
  }

  const toggleActive = async (account: EditorAccount) => {
    if (account.active && !(await confirmation.ask(t.deactivateQuestion(account.name)))) return
    await act(() => api.setActive(account.email, !account.active), account.active ? t.deactivated(account.name) : t.reactivated(account.name))
  }

  if (!accounts) return problem ? <AdminRefused problem={problem} /> : <Loading />
  return (
    <>
      <EditorsPage
        accounts={accounts}
        editions={admin.me.tenants}
        problem={problem}
        status={status}
        statusRef={statusRef}
        busy={busy}
        invite={invite}
        errors={errors}
        editing={editing}
        onInvite={setInvite}
        onSendInvite={sendInvite}
        onEdit={(account) => setEditing({ account, tenants: account.tenants, admin: account.admin })}
        onEditing={setEditing}
        onSaveAccess={saveAccess}
        onToggleActive={toggleActive}
      />
      {confirmation.dialog}
    </>
  )
}

type Editing = { account: EditorAccount; tenants: string[]; admin: boolean }

/** The screen from what the API answered: rendered as is by tests (tests/web/editor/admin-editors.test.tsx). */
export function EditorsPage(props: {
  accounts: EditorAccount[]
  editions: Array<{ id: string; name: string }>
  problem?: string
  status?: string
  statusRef?: { current: HTMLParagraphElement | null }
  busy?: boolean
  invite: Invite
  errors: InviteErrors
  editing?: Editing
  onInvite?: (invite: Invite) => void
  onSendInvite?: (event: Event) => void
  onEdit?: (account: EditorAccount) => void
  onEditing?: (editing: Editing | undefined) => void
  onSaveAccess?: (event: Event) => void
  onToggleActive?: (account: EditorAccount) => void
}) {
  const editionName = (id: string) => props.editions.find((edition) => edition.id === id)?.name ?? id
  const options = props.editions.map((edition) => ({ value: edition.id, label: edition.name }))
  const accessRef = useRef<HTMLHeadingElement>(null)
  // The access form opens below the table: focus goes to its heading, so the admin hears whose access it is.
  useEffect(() => {
    if (props.editing) accessRef.current?.focus()
  }, [props.editing?.account.email])
  return (
    <>
      <PageTitle>{t.editorsTitle}</PageTitle>
      <p>{t.editorsIntro}</p>
      {props.problem && <Alert>{props.problem}</Alert>}
      <p class={props.status ? 'notice notice-success' : undefined} tabIndex={-1} ref={props.statusRef}>
        {props.status}
      </p>
      <StatsTable id="editors" caption={t.editorsCaption} columns={[t.colEditor, t.colEditions, t.colAdmin, t.colActive, t.colLastSignIn, t.colActions]}>
        {props.accounts.map((account) => (
          <tr key={account.email}>
            <th scope="row">
              {account.name}
              <br />
              <span class="hint">{account.email}</span>
            </th>
            <td>{account.tenants.length ? account.tenants.map(editionName).join(', ') : t.noEditions}</td>
            <td>{account.admin ? t.yes : t.no}</td>
            <td>{account.active ? t.active : <strong>{t.inactive}</strong>}</td>
            <td>{account.lastSignInAt ? formatShortDateTime(account.lastSignInAt) : t.neverSignedIn}</td>
            <td>
              <button type="button" class="button button-quiet" disabled={props.busy} aria-label={t.changeAccessFor(account.name)} onClick={() => props.onEdit?.(account)}>
                {t.changeAccess}
              </button>{' '}
              <button
                type="button"
                class="button button-quiet"
                disabled={props.busy}
                aria-label={account.active ? t.deactivateFor(account.name) : t.reactivateFor(account.name)}
                onClick={() => props.onToggleActive?.(account)}
              >
                {account.active ? t.deactivate : t.reactivate}
              </button>
            </td>
          </tr>
        ))}
      </StatsTable>
      {props.editing && (
        <form onSubmit={props.onSaveAccess} noValidate>
          <h2 tabIndex={-1} ref={accessRef}>
            {t.accessTitle(props.editing.account.name)}
          </h2>
          <CheckboxGroup
            path="access-tenants"
            label={t.fieldEditions}
            values={props.editing.tenants}
            options={options}
            onValue={(tenants) => props.onEditing?.({ ...props.editing!, tenants })}
          />
          <Checkbox path="access-admin" label={t.fieldAdmin} checked={props.editing.admin} onValue={(admin) => props.onEditing?.({ ...props.editing!, admin })} />
          <p class="button-row">
            <button type="submit" class="button button-primary" disabled={props.busy}>
              {t.saveAccess}
            </button>
            <button type="button" class="button" onClick={() => props.onEditing?.(undefined)}>
              {t.cancelEdit}
            </button>
          </p>
        </form>
      )}
      <h2>{t.invite}</h2>
      <p>{t.inviteHint}</p>
      <form onSubmit={props.onSendInvite} noValidate>
        <TextField path="invite-email" type="email" inputMode="email" label={t.fieldEmail} required value={props.invite.email} error={props.errors.email} onValue={(email) => props.onInvite?.({ ...props.invite, email })} />
        <TextField path="invite-name" label={t.fieldEditorName} required value={props.invite.name} error={props.errors.name} onValue={(name) => props.onInvite?.({ ...props.invite, name })} />
        <CheckboxGroup path="invite-tenants" label={t.fieldEditions} values={props.invite.tenants} options={options} onValue={(tenants) => props.onInvite?.({ ...props.invite, tenants })} />
        <Checkbox path="invite-admin" label={t.fieldAdmin} checked={props.invite.admin} onValue={(admin) => props.onInvite?.({ ...props.invite, admin })} />
        <p>
          <button type="submit" class="button button-primary" disabled={props.busy}>
            {t.sendInvite}
          </button>
        </p>
      </form>
    </>
  )
}
