import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  ListUsersCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { adminGroup, editorGroup } from '../../infra/definitions.ts'
import { conflict } from '../shared/errors.ts'

/** An editor account as admins see and manage it. */
export interface EditorAccount {
  email: string
  name: string
  tenants: string[]
  admin: boolean
  status: string
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
  /**
   * The verified e-mail of a signed-in editor (the access token carries only the username): where the newsletter's
   * test send goes, so it can reach nobody but the editor (issue 14).
   */
  emailOf(username: string): Promise<string | undefined>
}

const groupsOf = (account: { tenants: string[]; admin: boolean }) => [...(account.admin ? [adminGroup] : []), ...account.tenants.map(editorGroup)]
const accountFrom = (email: string, name: string, groups: string[], status: string): EditorAccount => ({
  email,
  name,
  admin: groups.includes(adminGroup),
  tenants: groups.filter((group) => group.startsWith(editorGroup(''))).map((group) => group.slice(editorGroup('').length)),
  status,
})

export function cognitoDirectory(options: { userPoolId: string; region: string }): EditorDirectory {
  const cognito = new CognitoIdentityProviderClient({ region: options.region })
  const UserPoolId = options.userPoolId
  return {
    async list() {
      const accounts: EditorAccount[] = []
      let token: string | undefined
      do {
        const page = await cognito.send(new ListUsersCommand({ UserPoolId, PaginationToken: token, Limit: 60 }))
        for (const user of page.Users ?? []) {
          const attribute = (name: string) => user.Attributes?.find((entry) => entry.Name === name)?.Value ?? ''
          const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: user.Username! }))
          accounts.push(accountFrom(attribute('email'), attribute('name'), (groups.Groups ?? []).map((group) => group.GroupName!), user.UserStatus ?? ''))
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
      return { ...account, status: 'FORCE_CHANGE_PASSWORD' }
    },
    async ensureTenantGroup(tenant, description) {
      try {
        await cognito.send(new CreateGroupCommand({ UserPoolId, GroupName: editorGroup(tenant), Description: description }))
      } catch (error) {
        if (!(error instanceof GroupExistsException)) throw error
      }
    },
    async emailOf(username) {
      const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: username }))
      const attribute = (name: string) => user.UserAttributes?.find((entry) => entry.Name === name)?.Value
      return attribute('email_verified') === 'true' ? attribute('email') : undefined
    },
  }
}

/** The local sign-in's users (infra/local/identity.ts): same shape, kept in memory. */
export function localDirectory(users: Array<{ username: string; name: string; password: string; groups: string[] }>, initialPassword: string): EditorDirectory {
  return {
    async list() {
      return users.map((user) => accountFrom(user.username, user.name, user.groups, 'CONFIRMED'))
    },
    async create(account) {
      const email = account.email.toLowerCase()
      if (users.some((user) => user.username === email)) throw conflict(`An editor with the e-mail ${email} already exists.`)
      users.push({ username: email, name: account.name, password: initialPassword, groups: groupsOf(account) })
      return { ...account, email, status: 'CONFIRMED' }
    },
    async ensureTenantGroup() {},
    async emailOf(username) {
      return users.find((user) => user.username === username)?.username
    },
  }
}
