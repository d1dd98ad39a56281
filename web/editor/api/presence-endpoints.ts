import { ApiError, type ApiClient } from './client.ts'
import { editorClient } from './endpoints.ts'

/**
 * "No lost work" (issue 17) over the typed client (EditorApiType): presence heartbeats and the editor's own server
 * autosave of an item. Beside endpoints.ts like bin-endpoints.ts, one function per route.
 */
export function presenceApi(api: ApiClient, tenant: string) {
  const item = editorClient(api).api.editor.tenants[':tenant'].items[':id']
  const byId = (id: string) => ({ param: { tenant: encodeURIComponent(tenant), id: encodeURIComponent(id) } })
  /** Sent as the page goes away (pagehide): the browser finishes it after the page is gone. */
  const outliving = (keepalive: boolean) => (keepalive ? { init: { keepalive } } : undefined)
  return {
    /** «I am here»: answers the other editors who have the item open. */
    heartbeat: async (id: string) => (await item.presence.$post(byId(id))).json(),
    leave: async (id: string, keepalive = false) => void (await item.presence.$delete(byId(id), outliving(keepalive))),
    /** The editor's own autosave, or undefined when there is none (404). */
    getAutosave: async (id: string) => {
      try {
        return await (await item.autosave.$get(byId(id))).json()
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined
        throw error
      }
    },
    autosave: async (id: string, baseVersion: number, fields: Record<string, unknown>, keepalive = false) =>
      (await item.autosave.$put({ ...byId(id), json: { baseVersion, fields } }, outliving(keepalive))).json(),
    discardAutosave: async (id: string) => void (await item.autosave.$delete(byId(id))),
  }
}
export type PresenceApi = ReturnType<typeof presenceApi>
export type OtherEditor = Awaited<ReturnType<PresenceApi['heartbeat']>>['others'][number]
export type ServerAutosave = NonNullable<Awaited<ReturnType<PresenceApi['getAutosave']>>>
