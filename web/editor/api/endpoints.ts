import { hc, type InferRequestType } from 'hono/client'
import type { EditorApiType } from '../../../functions/editor-api.ts'
import type { ApiClient } from './client.ts'

/**
 * One function per editor API route the workspace calls (docs/editor-api.md), scoped to a tenant. Paths, inputs
 * and answers come from the routes themselves through Hono's `hc` (EditorApiType is a type only), so a route that
 * changes its path, body or answer breaks the workspace's typecheck instead of its users. The ApiClient's fetch
 * signs each request and throws an ApiError for every failure, so each `.json()` here reads a success.
 */
export const editorClient = (api: ApiClient) => hc<EditorApiType>(globalThis.location?.origin ?? 'http://localhost', { fetch: api.fetch, buildSearchParams: searchParams })

type Tenants = ReturnType<typeof editorClient>['api']['editor']['tenants'][':tenant']
/** The items list's filters as the route validates them (status, type, topic, q, cursor). */
export type ItemQuery = Omit<InferRequestType<Tenants['items']['$get']>['query'], 'limit'>

/** The media library's search, filters and order as the route validates them (q, kind, status, sort). */
export type MediaQuery = Omit<InferRequestType<Tenants['media']['$get']>['query'], 'limit' | 'cursor'>

/** An empty filter means none: `?q=` would be refused (q is at least one character). */
function searchParams(query: Record<string, string | string[] | undefined>) {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string' && value !== '') search.set(name, value)
  return search
}

/** `hc` puts params into the path as they are; the ids come from the address bar, so encode them. */
function encoded<Params extends Record<string, string>>(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, encodeURIComponent(value)])) as Params
}

export const me = async (api: ApiClient) => (await editorClient(api).api.editor.me.$get()).json()

/** Every edition's totals and the national sum over a period (admins only). */
export const nationalStatistics = async (api: ApiClient, period: Period) => (await editorClient(api).api.editor.statistics.$get({ query: period })).json()

export function tenantApi(api: ApiClient, tenant: string) {
  const routes = editorClient(api).api.editor.tenants[':tenant']
  const param = { param: encoded({ tenant }) }
  /** An item's, a course's exam's or a file's path: each route names its id `:id`. */
  const byId = (id: string) => ({ param: encoded({ tenant, id }) })
  const revision = (id: string, revision: number) => ({ param: encoded({ tenant, id, revision: String(revision) }) })
  return {
    tenant,
    listItems: async (filter: ItemQuery, limit = 25) => (await routes.items.$get({ ...param, query: { ...filter, limit: String(limit) } })).json(),
    createItem: async (fields: ItemFields) => (await routes.items.$post({ ...param, json: fields })).json(),
    getItem: async (id: string) => (await routes.items[':id'].$get(byId(id))).json(),
    saveItem: async (id: string, version: number, fields: ItemFields) => (await routes.items[':id'].$put({ ...byId(id), json: { version, fields } })).json(),
    revisions: async (id: string) => (await routes.items[':id'].revisions.$get(byId(id))).json(),
    revision: async (id: string, number: number) => (await routes.items[':id'].revisions[':revision'].$get(revision(id, number))).json(),
    restore: async (id: string, number: number, version: number) => (await routes.items[':id'].revisions[':revision'].restore.$post({ ...revision(id, number), json: { version } })).json(),
    publish: async (id: string, version: number) => (await routes.items[':id'].publish.$post({ ...byId(id), json: { version } })).json(),
    unpublish: async (id: string, version: number) => (await routes.items[':id'].unpublish.$post({ ...byId(id), json: { version } })).json(),
    archive: async (id: string, version: number) => (await routes.items[':id'].archive.$post({ ...byId(id), json: { version } })).json(),
    schedule: async (id: string, version: number, schedule: Schedule) => (await routes.items[':id'].schedule.$post({ ...byId(id), json: { version, ...schedule } })).json(),
    feature: async (id: string, version: number, featured: boolean) => (await routes.items[':id'].featured.$post({ ...byId(id), json: { version, featured } })).json(),
    /** The reader page as it would look, for the preview frame. */
    preview: async (id: string) => (await routes.items[':id'].preview.$get(byId(id), { headers: { accept: 'text/html' } })).text(),
    suggestSlug: async (type: ContentType, title: string, id?: string) => (await routes.slug.$get({ ...param, query: { type, title, id } })).json(),
    shared: async (type?: ContentType, cursor?: string) => (await routes.shared.$get({ ...param, query: { type, cursor } })).json(),
    follow: async (owner: string, id: string) => void (await routes.follows[':owner'][':id'].$post({ param: encoded({ tenant, owner, id }) })),
    unfollow: async (owner: string, id: string) => void (await routes.follows[':owner'][':id'].$delete({ param: encoded({ tenant, owner, id }) })),
    requestUpload: async (file: UploadRequest) => (await routes.uploads.$post({ ...param, json: file })).json(),
    /** 202 with status `processing` while the media worker checks the file; its verdict if it already has one. */
    completeUpload: async (mediaId: string, parts?: UploadParts) =>
      (await routes.uploads[':mediaId'].complete.$post({ param: encoded({ tenant, mediaId }), json: parts ? { parts } : {} })).json(),
    /** The file with the items that use it (`usedBy`). */
    getMedia: async (id: string) => (await routes.media[':id'].$get(byId(id))).json(),
    listMedia: async (query: MediaQuery = {}, cursor?: string) => (await routes.media.$get({ ...param, query: { ...query, cursor } })).json(),
    updateMedia: async (id: string, patch: MediaPatch) => (await routes.media[':id'].$patch({ ...byId(id), json: patch })).json(),
    deleteMedia: async (id: string) => void (await routes.media[':id'].$delete(byId(id))),
    /** A course's question bank; version 0 before the first save. A stale save is 409 `stale_version` with `current`. */
    getExam: async (courseId: string) => (await routes.courses[':id'].exam.$get(byId(courseId))).json(),
    saveExam: async (courseId: string, input: ExamSave) => (await routes.courses[':id'].exam.$put({ ...byId(courseId), json: input })).json(),
    publishExam: async (courseId: string, version: number) => (await routes.courses[':id'].exam.publish.$post({ ...byId(courseId), json: { version } })).json(),
    /** The edition's page views and downloads over a period (the last 30 days without one), and the same as CSV. */
    statistics: async (period: Period) => (await routes.statistics.$get({ ...param, query: period })).json(),
    /** The edition's newsletter: recent items to pick from, its issues and the subscriber count. */
    newsletter: async () => (await routes.newsletter.$get(param)).json(),
    /** The mail as subscribers would get it, for the sandboxed preview frame. */
    previewIssue: async (draft: IssueDraft) => (await routes.newsletter.preview.$post({ ...param, json: draft })).json(),
    /** The mail to the signed-in editor's own address; answers where it went. */
    testIssue: async (draft: IssueDraft) => (await routes.newsletter.test.$post({ ...param, json: draft })).json(),
    /** Sends now, or at `sendAt`; the scheduler sends. */
    scheduleIssue: async (issue: IssueRequest) => (await routes.newsletter.issues.$post({ ...param, json: issue })).json(),
    withdrawIssue: async (id: string) => void (await routes.newsletter.issues[':id'].$delete(byId(id))),
    /** A built course's modules and lessons (version 0 before the first save), and a save of them. */
    lessons: async (courseId: string) => (await routes.items[':id'].lessons.$get(byId(courseId))).json(),
    saveLessons: async (courseId: string, input: LessonsSave) => (await routes.items[':id'].lessons.$put({ ...byId(courseId), json: input })).json(),
    /** A course's anonymous counts: starts, completions, exam attempts and passes. */
    courseStats: async (courseId: string) => (await routes.items[':id'].stats.$get(byId(courseId))).json(),
    /** An event's sign-ups and seats, for its organisers; closing or reopening sign-up answers the same list. */
    signups: async (eventId: string) => (await routes.events[':id'].signups.$get(byId(eventId))).json(),
    signupsCsv: async (eventId: string) => (await routes.events[':id']['signups.csv'].$get(byId(eventId), { headers: { accept: 'text/csv' } })).text(),
    closeSignups: async (eventId: string, closed: boolean) => (await routes.events[':id'].signups.closed.$put({ ...byId(eventId), json: { closed } })).json(),
    /** The edition's partner calendars and what they imported lately. */
    partnerFeeds: async () => (await routes['partner-feeds'].$get(param)).json(),
    subscribePartnerFeed: async (feed: PartnerFeedInput) => (await routes['partner-feeds'].$post({ ...param, json: feed })).json(),
    /** 202: the scheduler's next run fetches it. */
    fetchPartnerFeed: async (id: string) => void (await routes['partner-feeds'][':id'].fetch.$post(byId(id))),
    unsubscribePartnerFeed: async (id: string) => void (await routes['partner-feeds'][':id'].$delete(byId(id))),
    statisticsCsv: async (period: Period) => (await routes['statistics.csv'].$get({ ...param, query: period }, { headers: { accept: 'text/csv' } })).text(),
    /** A new draft with the item's fields, «Kopi av …» and a free address. */
    duplicate: async (id: string) => (await routes.items[':id'].duplicate.$post(byId(id))).json(),
    /** To the bin (409 item_published while published); answers its bin entry. */
    deleteItem: async (id: string, version: number) => (await routes.items[':id'].delete.$post({ ...byId(id), json: { version } })).json(),
    listBin: async (cursor?: string) => (await routes.bin.$get({ ...param, query: { cursor } })).json(),
    /** Back from the bin as a draft; answers the item. */
    restoreFromBin: async (id: string, version: number) => (await routes.bin[':id'].restore.$post({ ...byId(id), json: { version } })).json(),
    purgeFromBin: async (id: string, version: number) => void (await routes.bin[':id'].purge.$post({ ...byId(id), json: { version } })),
    /** «I am here»: answers the other editors who have the item open. */
    heartbeat: async (id: string) => (await routes.items[':id'].presence.$post(byId(id))).json(),
    leave: async (id: string, keepalive = false) => void (await routes.items[':id'].presence.$delete(byId(id), outliving(keepalive))),
    /** The editor's own autosave, or undefined when there is none (204). */
    getAutosave: async (id: string) => {
      const response = await routes.items[':id'].autosave.$get(byId(id))
      return response.status === 204 ? undefined : await response.json()
    },
    autosave: async (id: string, baseVersion: number, fields: Record<string, unknown>, keepalive = false) =>
      (await routes.items[':id'].autosave.$put({ ...byId(id), json: { baseVersion, fields } }, outliving(keepalive))).json(),
    discardAutosave: async (id: string) => void (await routes.items[':id'].autosave.$delete(byId(id))),
  }
}
export type TenantApi = ReturnType<typeof tenantApi>
export type BinEntry = Awaited<ReturnType<TenantApi['listBin']>>['items'][number]
export type OtherEditor = Awaited<ReturnType<TenantApi['heartbeat']>>['others'][number]
export type ServerAutosave = NonNullable<Awaited<ReturnType<TenantApi['getAutosave']>>>

/** Sent as the page goes away (pagehide): the browser finishes it after the page is gone. */
const outliving = (keepalive: boolean) => (keepalive ? { init: { keepalive } } : undefined)

/** What the routes take, for the workspace's forms: the create/save fields, a schedule, an exam save, an upload, … */
export type ItemFields = InferRequestType<Tenants['items']['$post']>['json']
export type Schedule = Omit<InferRequestType<Tenants['items'][':id']['schedule']['$post']>['json'], 'version'>
export type ExamSave = InferRequestType<Tenants['courses'][':id']['exam']['$put']>['json']
export type UploadRequest = InferRequestType<Tenants['uploads']['$post']>['json']
type UploadParts = InferRequestType<Tenants['uploads'][':mediaId']['complete']['$post']>['json']['parts']
type MediaPatch = InferRequestType<Tenants['media'][':id']['$patch']>['json']
type LessonsSave = InferRequestType<Tenants['items'][':id']['lessons']['$put']>['json']
type PartnerFeedInput = InferRequestType<Tenants['partner-feeds']['$post']>['json']
type IssueRequest = InferRequestType<Tenants['newsletter']['issues']['$post']>['json']
type IssueDraft = InferRequestType<Tenants['newsletter']['preview']['$post']>['json']
/** A statistics period: days as yyyy-mm-dd. */
export type Period = InferRequestType<Tenants['statistics']['$get']>['query']
type ContentType = NonNullable<ItemQuery['type']>
