import type { ContentType, Status } from '../../../functions/content/schema.ts'
import type { ApiClient } from './client.ts'
import type { ContentInput, ExamAnswer, ExamSave, ItemSummary, Me, Media, MediaKind, Page, RevisionSummary, Schedule, SharedItem, StoredItem, UploadAnswer } from './types.ts'

/** One function per editor API route (docs/editor-api.md), scoped to a tenant. */
export interface ItemQuery {
  status?: Status
  type?: ContentType
  topic?: string
  q?: string
  cursor?: string
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value))
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const me = (api: ApiClient) => api.get<Me>('/api/editor/me')

export function tenantApi(api: ApiClient, tenant: string) {
  const base = `/api/editor/tenants/${encodeURIComponent(tenant)}`
  const item = (id: string) => `${base}/items/${encodeURIComponent(id)}`
  const exam = (courseId: string) => `${base}/courses/${encodeURIComponent(courseId)}/exam`
  return {
    tenant,
    listItems: (filter: ItemQuery, limit = 25) => api.get<Page<ItemSummary>>(`${base}/items${query({ ...filter, limit })}`),
    createItem: (fields: ContentInput) => api.send<StoredItem>('POST', `${base}/items`, fields),
    getItem: (id: string) => api.get<StoredItem>(item(id)),
    saveItem: (id: string, version: number, fields: ContentInput) => api.send<StoredItem>('PUT', item(id), { version, fields }),
    revisions: (id: string) => api.get<{ items: RevisionSummary[] }>(`${item(id)}/revisions`),
    revision: (id: string, revision: number) => api.get<StoredItem>(`${item(id)}/revisions/${revision}`),
    restore: (id: string, revision: number, version: number) => api.send<StoredItem>('POST', `${item(id)}/revisions/${revision}/restore`, { version }),
    publish: (id: string, version: number) => api.send<StoredItem>('POST', `${item(id)}/publish`, { version }),
    unpublish: (id: string, version: number) => api.send<StoredItem>('POST', `${item(id)}/unpublish`, { version }),
    archive: (id: string, version: number) => api.send<StoredItem>('POST', `${item(id)}/archive`, { version }),
    schedule: (id: string, version: number, schedule: Schedule) => api.send<StoredItem>('POST', `${item(id)}/schedule`, { version, ...schedule }),
    feature: (id: string, version: number, featured: boolean) => api.send<StoredItem>('POST', `${item(id)}/featured`, { version, featured }),
    preview: (id: string) => api.html(`${item(id)}/preview`),
    suggestSlug: (type: ContentType, title: string, id?: string) => api.get<{ slug: string; available: boolean }>(`${base}/slug${query({ type, title, id })}`),
    shared: (type?: ContentType, cursor?: string) => api.get<Page<SharedItem>>(`${base}/shared${query({ type, cursor })}`),
    follow: (owner: string, id: string) => api.send<void>('POST', `${base}/follows/${encodeURIComponent(owner)}/${encodeURIComponent(id)}`),
    unfollow: (owner: string, id: string) => api.send<void>('DELETE', `${base}/follows/${encodeURIComponent(owner)}/${encodeURIComponent(id)}`),
    requestUpload: (file: { kind: MediaKind; filename: string; contentType: string; size: number }) => api.send<UploadAnswer>('POST', `${base}/uploads`, file),
    /** 202 with status `processing` while the media worker checks the file; its verdict if it already has one. */
    completeUpload: (mediaId: string, parts?: Array<{ partNumber: number; etag: string }>) =>
      api.send<Media>('POST', `${base}/uploads/${encodeURIComponent(mediaId)}/complete`, parts ? { parts } : {}),
    getMedia: (id: string) => api.get<Media>(`${base}/media/${encodeURIComponent(id)}`),
    listMedia: (kind?: MediaKind, cursor?: string) => api.get<Page<Media>>(`${base}/media${query({ kind, cursor })}`),
    updateMedia: (id: string, patch: { alt?: string; title?: string }) => api.send<Media>('PATCH', `${base}/media/${encodeURIComponent(id)}`, patch),
    deleteMedia: (id: string) => api.send<void>('DELETE', `${base}/media/${encodeURIComponent(id)}`),
    /** A course's question bank; version 0 before the first save. A stale save is 409 `stale_version` with `current`. */
    getExam: (courseId: string) => api.get<ExamAnswer>(exam(courseId)),
    saveExam: (courseId: string, input: ExamSave) => api.send<ExamAnswer>('PUT', exam(courseId), input),
    publishExam: (courseId: string, version: number) => api.send<ExamAnswer>('POST', `${exam(courseId)}/publish`, { version }),
  }
}
export type TenantApi = ReturnType<typeof tenantApi>
