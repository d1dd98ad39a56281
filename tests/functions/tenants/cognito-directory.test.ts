import { CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cognitoDirectory } from '../../../functions/tenants/directory.ts'

/**
 * The Cognito directory's account changes (issue 17), against a stand-in for Cognito's API: which calls it makes,
 * so only the difference in managed groups changes and a group it does not manage is left alone.
 */
function stubCognito(groups: string[], options: { missing?: boolean } = {}) {
  const calls: Array<{ command: string; input: Record<string, unknown> }> = []
  type Sent = { constructor: { name: string }; input: Record<string, unknown> }
  const send = vi.spyOn(CognitoIdentityProviderClient.prototype, 'send') as unknown as { mockImplementation(answer: (command: Sent) => Promise<unknown>): void }
  send.mockImplementation(async (command) => {
    const name = command.constructor.name
    calls.push({ command: name, input: command.input })
    if (options.missing) throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} })
    if (name === 'AdminGetUserCommand')
      return { Username: 'kari@example.no', Enabled: true, UserStatus: 'CONFIRMED', UserAttributes: [{ Name: 'email', Value: 'kari@example.no' }, { Name: 'name', Value: 'Kari' }] }
    if (name === 'AdminListGroupsForUserCommand') return { Groups: groups.map((GroupName) => ({ GroupName })) }
    return {}
  })
  return calls
}

describe('the Cognito editor directory', () => {
  afterEach(() => vi.restoreAllMocks())
  const directory = () => cognitoDirectory({ userPoolId: 'eu-north-1_test', region: 'eu-north-1' })

  it('adds and removes only the groups that differ, leaving groups it does not manage', async () => {
    const calls = stubCognito(['editor:innlandet', 'editor:akershus', 'beta-testere'])
    const account = await directory().updateAccess('kari@example.no', { tenants: ['innlandet', 'vestfold'], admin: true })
    const changes = calls.filter((call) => /User(To|From)Group/.test(call.command)).map((call) => `${call.command}:${String(call.input.GroupName)}`)
    expect(changes.sort()).toEqual(['AdminAddUserToGroupCommand:admin', 'AdminAddUserToGroupCommand:editor:vestfold', 'AdminRemoveUserFromGroupCommand:editor:akershus'])
    expect(account).toMatchObject({ email: 'kari@example.no', tenants: ['innlandet', 'vestfold'], admin: true, active: true })
  })

  it('disables the user and signs them out everywhere (refresh tokens revoked), and enables them again', async () => {
    const calls = stubCognito(['editor:innlandet'])
    expect(await directory().setActive('kari@example.no', false)).toMatchObject({ active: false, tenants: ['innlandet'] })
    await directory().setActive('kari@example.no', true)
    expect(calls.map((call) => call.command).filter((name) => !/AdminGetUser|AdminListGroups/.test(name))).toEqual(['AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand', 'AdminEnableUserCommand'])
  })

  it("reads an editor's name, the one personal detail kept beside the sign-in", async () => {
    stubCognito([])
    expect(await directory().nameOf('kari@example.no')).toBe('Kari')
  })

  it('answers 404 for an unknown account', async () => {
    stubCognito([], { missing: true })
    await expect(directory().setActive('ingen@example.no', false)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    await expect(directory().updateAccess('ingen@example.no', { tenants: [], admin: false })).rejects.toMatchObject({ status: 404 })
  })
})
