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
    /** The edition's fields; its visibility stays as it is (setVisible changes it). */
    saveEdition: async (tenant: string, edition: InferRequestType<Admin['tenants'][':id']['$put']>['json']) => (await routes.tenants[':id'].$put({ ...id(tenant), json: edition })).json(),
    /** «Gjør synlig for lesere» and back; the CDN forgets every page (they all name the editions). */
    setVisible: async (tenant: string, visible: boolean) => (await routes.tenants[':id'].visibility.$put({ ...id(tenant), json: { visible } })).json(),
    /** Every topic area, retired ones with `retired`. */
    topics: async () => (await routes.topics.$get()).json(),
    /** 409 topic_exists when the slug is taken. */
    createTopic: async (topic: TopicInput) => (await routes.topics.$post({ json: topic })).json(),
    /** A rename: name, summary and introduction; the slug stays. */
    saveTopic: async (slug: string, topic: Omit<TopicInput, 'slug'>) => (await routes.topics[':slug'].$put({ param: { slug: encodeURIComponent(slug) }, json: topic })).json(),
    /** Its pages then answer 301 to `redirectTo`, or to the topic index without one. */
    retireTopic: async (slug: string, redirectTo?: string) => (await routes.topics[':slug'].retire.$post({ param: { slug: encodeURIComponent(slug) }, json: redirectTo ? { redirectTo } : {} })).json(),
    /** One bounded step of merging `slug` into `into`; call again with `cursor` until `done` (then `slug` is retired). */
    mergeTopic: async (slug: string, into: string, cursor?: string) =>
      (await routes.topics[':slug'].merge.$post({ param: { slug: encodeURIComponent(slug) }, json: cursor ? { into, cursor } : { into } })).json(),
    /** Every account with its editions, admin right, whether it is active and its last sign-in. */
    editors: async () => (await routes.editors.$get()).json(),
    /** Cognito e-mails the invitation with a temporary password; 409 when the e-mail has an account. */
    invite: async (editor: EditorInput) => (await routes.editors.$post({ json: editor })).json(),
    setAccess: async (email: string, access: { tenants: string[]; admin: boolean }) =>
      (await routes.editors[':email'].access.$put({ param: { email: encodeURIComponent(email) }, json: access })).json(),
    setActive: async (email: string, active: boolean) => (await routes.editors[':email'].active.$put({ param: { email: encodeURIComponent(email) }, json: { active } })).json(),
  }
}
export type AdminApi = ReturnType<typeof adminApi>

export type EditionInput = InferRequestType<Admin['tenants']['$post']>['json']
export type TopicInput = InferRequestType<Admin['topics']['$post']>['json']
export type AdminTopic = InferResponseType<Admin['topics']['$get']>['items'][number]
export type EditorInput = InferRequestType<Admin['editors']['$post']>['json']
export type EditorAccount = InferResponseType<Admin['editors']['$get']>['items'][number]
export type Edition = InferResponseType<Admin['tenants'][':id']['$get']>
