import type { ApiClient } from './client.ts'
import { editorClient } from './endpoints.ts'

/**
 * Copying and the bin (issue 17), over the same typed client as endpoints.ts (EditorApiType): `Lag kopi`, delete to
 * the bin, and the bin's list, restore and delete for good. Kept beside endpoints.ts while that file is being changed
 * in other work; the functions are the same kind, one per route.
 */
export function binApi(api: ApiClient, tenant: string) {
  const routes = editorClient(api).api.editor.tenants[':tenant']
  const byId = (id: string) => ({ param: { tenant: encodeURIComponent(tenant), id: encodeURIComponent(id) } })
  return {
    /** A new draft with the item's fields, «Kopi av …» and a free address. */
    duplicate: async (id: string) => (await routes.items[':id'].duplicate.$post(byId(id))).json(),
    /** To the bin (409 item_published while published); answers its bin entry. */
    deleteItem: async (id: string, version: number) => (await routes.items[':id'].delete.$post({ ...byId(id), json: { version } })).json(),
    listBin: async (cursor?: string) => (await routes.bin.$get({ param: { tenant: encodeURIComponent(tenant) }, query: { cursor } })).json(),
    /** Back as a draft; answers the item. */
    restore: async (id: string, version: number) => (await routes.bin[':id'].restore.$post({ ...byId(id), json: { version } })).json(),
    purge: async (id: string, version: number) => void (await routes.bin[':id'].purge.$post({ ...byId(id), json: { version } })),
  }
}
export type BinApi = ReturnType<typeof binApi>
export type BinEntry = Awaited<ReturnType<BinApi['listBin']>>['items'][number]
