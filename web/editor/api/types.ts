import type { InferResponseType } from 'hono/client'
import type { StoredItem } from '../../../functions/content/store.ts'
import type { SignInConfig } from '../auth/pkce.ts'
import type { editorClient } from './endpoints.ts'

/**
 * Shapes of the editor API's answers (docs/editor-api.md). Type-only: inferred from the routes through Hono's
 * client types, or imported from the server's own zod schemas, so nothing of the server reaches the bundle and
 * the workspace cannot drift from what the API sends.
 */
export type { ContentInput } from '../../../functions/content/schema.ts'
export type { PublishProblem } from '../../../functions/content/rules.ts'
export type { RevisionSummary } from '../../../functions/content/editing.ts'
export type { ListedMedia, Media, UploadAnswer } from '../../../functions/media/schema.ts'
export type { MediaKind } from '../../../functions/media/kinds.ts'
export type { ExamSave, Schedule } from './endpoints.ts'
export type { StoredItem, SignInConfig }

type Editor = ReturnType<typeof editorClient>['api']['editor']
type Tenant = Editor['tenants'][':tenant']

/** Who is signed in, with the editions they may edit (GET /me). */
export type Me = InferResponseType<Editor['me']['$get']>

/** A page of a list: the items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** An item another edition shared nationally (GET …/shared). */
export type SharedItem = InferResponseType<Tenant['shared']['$get']>['items'][number]

/** A course's question bank as GET/PUT …/courses/{id}/exam and POST …/exam/publish answer it. */
export type ExamAnswer = InferResponseType<Tenant['courses'][':id']['exam']['$get']>

/** A topic area from the public API (`/api/v1/topics`), for tagging. */
export interface Topic {
  slug: string
  name: string
}
