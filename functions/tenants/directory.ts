import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  ListUsersCommand,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { adminGroup, editorGroup } from '../../infra/definitions.ts'
import { conflict, notFound } from '../shared/errors.ts'

/** An editor account as admins see and manage it. */
export interface EditorAccount {
  email: string
  name: string
  tenants: string[]
  admin: boolean
  status: string
  /**
   * False once deactivated: the account cannot sign in, its refresh tokens are revoked, and the editor API refuses
   * its access tokens (functions/auth/middleware.ts) instead of honouring them for up to an hour.
   */
  active: boolean
}

/** Which editions an account edits and whether it administers: what an admin changes. */
export interface AccountAccess {
  tenants: string[]
  admin: boolean
}

/**
 * Where editor accounts live: Cognito in AWS (admin-created users only; Cognito e-mails the invitation with a
 * temporary password), the local sign-in's user list on a developer's machine.
 */
export interface EditorDirectory {
  list(): Promise<EditorAccount[]>
  create(account: { email: string; name: string; tenants: string[]; admin: boolean }): Promise<EditorAccount>
  /** Makes sure the `editor:{tenant}` group exists for a new tenant. */
  ensureTenantGroup(tenant: string, description: string): Promise<void>
  /** Sets the account's editions and admin right to exactly these (404 for an unknown account). */
  updateAccess(email: string, access: AccountAccess): Promise<EditorAccount>
  /**
   * Deactivates (no more sign-ins, every session signed out) or reactivates an account; nothing is deleted (404 for
   * an unknown account).
   */
  setActive(email: string, active: boolean): Promise<EditorAccount>
  /**
   * The verified e-mail of a signed-in editor (the access token carries only the username): where the newsletter's
   * test send goes, so it can reach nobody but the editor (issue 14).
   */
  emailOf(username: string): Promise<string | undefined>
  /** The name the directory holds for an account: read once per sign-in, so colleagues see a name, not an e-mail. */
  nameOf(username: string): Promise<string | undefined>
}

const groupsOf = (account: { tenants: string[]; admin: boolean }) => [...(account.admin ? [adminGroup] : []), ...account.tenants.map(editorGroup)]
const accountFrom = (email: string, name: string, groups: string[], status: string, active = true): EditorAccount => ({
  email,
  name,
  admin: groups.includes(adminGroup),
  tenants: groups.filter((group) => group.startsWith(editorGroup(''))).map((group) => group.slice(editorGroup('').length)),
  status,
  active,
})
const unknownEditor = (email: string) => notFound(`No editor with the e-mail ${email}.`)

export function cognitoDirectory(options: { userPoolId: string; region: string }): EditorDirectory {
  const cognito = new CognitoIdentityProviderClient({ region: options.region })
  const UserPoolId = options.userPoolId
  /** One account as the list shows it: two calls, not the whole pool's listing; 404 for an unknown e-mail. */
  async function readAccount(email: string): Promise<EditorAccount> {
    try {
      const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email }))
      const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: email }))
      const attribute = (name: string) => user.UserAttributes?.find((entry) => entry.Name === name)?.Value ?? ''
      return accountFrom(attribute('email') || email, attribute('name'), (groups.Groups ?? []).map((group) => group.GroupName!), user.UserStatus ?? '', user.Enabled !== false)
    } catch (error) {
      if (error instanceof UserNotFoundException) throw unknownEditor(email)
      throw error
    }
  }
  const attributesOf = async (username: string) => {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: username }))
    return (name: string) => user.UserAttributes?.find((entry) => entry.Name === name)?.Value
  }
  return {
    async list() {
      const accounts: EditorAccount[] = []
      let token: string | undefined
      do {
        const page = await cognito.send(new ListUsersCommand({ UserPoolId, PaginationToken: token, Limit: 60 }))
        for (const user of page.Users ?? []) {
          const attribute = (name: string) => user.Attributes?.find((entry) => entry.Name === name)?.Value ?? ''
          const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: user.Username! }))
          accounts.push(accountFrom(attribute('email'), attribute('name'), (groups.Groups ?? []).map((group) => group.GroupName!), user.UserStatus ?? '', user.Enabled !== false))
        }
        token = page.PaginationToken
      } while (token)
      return accounts
    },
    async create(account) {
      try {
        await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: account.email,
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: account.name },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        )
      } catch (error) {
        if (error instanceof UsernameExistsException) throw conflict(`An editor with the e-mail ${account.email} already exists.`)
        throw error
      }
      for (const group of groupsOf(account)) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: account.email, GroupName: group }))
      return { ...account, status: 'FORCE_CHANGE_PASSWORD', active: true }
    },
    async updateAccess(email, access) {
      const before = await readAccount(email)
      // Only the groups this directory manages (admin, editor:*) change, by their difference, so a retry is harmless.
      const current = groupsOf(before)
      const wanted = groupsOf(access)
      for (const group of wanted.filter((group) => !current.includes(group))) await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: group }))
      for (const group of current.filter((group) => !wanted.includes(group))) await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: email, GroupName: group }))
      return { ...before, ...access }
    },
    async setActive(email, active) {
      const before = await readAccount(email)
      if (active) await cognito.send(new AdminEnableUserCommand({ UserPoolId, Username: email }))
      else {
        await cognito.send(new AdminDisableUserCommand({ UserPoolId, Username: email }))
        // Revokes the refresh tokens, so no tab gets a new access token; the ones already out are refused by the API.
        await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: email }))
      }
      return { ...before, active }
    },
    async ensureTenantGroup(tenant, description) {
      try {
        await cognito.send(new CreateGroupCommand({ UserPoolId, GroupName: editorGroup(tenant), Description: description }))
      } catch (error) {
        if (!(error instanceof GroupExistsException)) throw error
      }
    },
    async emailOf(username) {
      const attribute = await attributesOf(username)
      return attribute('email_verified') === 'true' ? attribute('email') : undefined
    },
    async nameOf(username) {
      return (await attributesOf(username))('name') || undefined
    },
  }
}

/** The local sign-in's users (infra/local/identity.ts): same shape, kept in memory. */
export function localDirectory(users: Array<{ username: string; name: string; password: string; groups: string[]; disabled?: boolean }>, initialPassword: string): EditorDirectory {
  const find = (email: string) => {
    const user = users.find((candidate) => candidate.username === email.toLowerCase())
    if (!user) throw unknownEditor(email)
    return user
  }
  const account = (user: (typeof users)[number]) => accountFrom(user.username, user.name, user.groups, 'CONFIRMED', !user.disabled)
  return {
    async list() {
      return users.map(account)
    },
    async updateAccess(email, access) {
      const user = find(email)
      user.groups = [...user.groups.filter((group) => group !== adminGroup && !group.startsWith(editorGroup(''))), ...groupsOf(access)]
      return account(user)
    },
    // The local sign-in (infra/local/identity.ts) reads the same list, so a deactivated account can neither sign in
    // nor refresh its tokens there either.
    async setActive(email, active) {
      const user = find(email)
      user.disabled = !active
      return account(user)
    },
    async create(account) {
      const email = account.email.toLowerCase()
      if (users.some((user) => user.username === email)) throw conflict(`An editor with the e-mail ${email} already exists.`)
      users.push({ username: email, name: account.name, password: initialPassword, groups: groupsOf(account) })
      return { ...account, email, status: 'CONFIRMED', active: true }
    },
    async ensureTenantGroup() {},
    async emailOf(username) {
      return users.find((user) => user.username === username)?.username
    },
    async nameOf(username) {
      return users.find((user) => user.username === username.toLowerCase())?.name
    },
  }
}
