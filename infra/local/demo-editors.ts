import { adminGroup, editorGroup } from '../definitions.ts'

/**
 * The demo accounts the local sign-in knows, printed by `npm start`. In AWS editors are Cognito users
 * created by an admin; these exist only on a developer's machine.
 */
export interface DemoEditor {
  username: string
  name: string
  password: string
  groups: string[]
  /** Deactivated by an admin (functions/tenants/directory.ts): the local sign-in refuses it. */
  disabled?: boolean
}

export const demoPassword = 'demo-kompetansebroen'

const regional = [
  ['akershus', 'Kari Nordmann'],
  ['innlandet', 'Ola Haugen'],
  ['vestfold', 'Ingrid Berg'],
  ['ostfold', 'Per Olsen'],
] as const

export const demoEditors: DemoEditor[] = [
  { username: 'admin@example.no', name: 'Sekretariatet (admin)', password: demoPassword, groups: [adminGroup, editorGroup('nasjonal')] },
  ...regional.map(([tenant, name]) => ({ username: `${tenant}@example.no`, name, password: demoPassword, groups: [editorGroup(tenant)] })),
]
