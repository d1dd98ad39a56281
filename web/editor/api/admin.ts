import type { InferRequestType, InferResponseType } from 'hono/client'
import type { ApiClient } from './client.ts'
import { editorClient } from './endpoints.ts'

type Admin = ReturnType<typeof editorClient>['api']['editor']['admin']

/**
 * The admin area's calls (`/api/editor/admin/*`, functions/tenants/admin-routes.ts), typed from the routes like
 * endpoints.ts; kept apart from it because only admins' screens use them.
 */
export function adminApi(api: ApiClient) {
  const routes = editorClient(api).api.editor.admin
  const id = (value: string) => ({ param: { id: encodeURIComponent(value) } })
  return {
    editions: async () => (await routes.tenants.$get()).json(),
    edition: async (tenant: string) => (await routes.tenants[':id'].$get(id(tenant))).json(),
    /** 409 tenant_exists when the id is taken: a new edition never overwrites one. */
    createEdition: async (edition: EditionInput) => (await routes.tenants.$post({ json: edition })).json(),
    saveEdition: async (tenant: string, edition: Omit<EditionInput, 'id'>) => (await routes.tenants[':id'].$put({ ...id(tenant), json: edition })).json(),
  }
}
export type AdminApi = ReturnType<typeof adminApi>

export type EditionInput = InferRequestType<Admin['tenants']['$post']>['json']
export type Edition = InferResponseType<Admin['tenants'][':id']['$get']>
