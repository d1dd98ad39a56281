import type { StoredItem } from '../../../functions/content/store.ts'
import type { ExamInput } from '../../../functions/courses/exam-schema.ts'
import type { ExamDraft } from '../../../functions/courses/exam-types.ts'
import type { SignInConfig } from '../auth/pkce.ts'

/**
 * Shapes of the editor API's answers (docs/editor-api.md). Type-only imports from the server's own modules:
 * nothing of the server reaches the bundle, and the workspace cannot drift from what the API sends.
 */
export type { ContentInput } from '../../../functions/content/schema.ts'
export type { PublishProblem } from '../../../functions/content/rules.ts'
export type { RevisionSummary } from '../../../functions/content/editing.ts'
export type { Media, UploadAnswer } from '../../../functions/media/schema.ts'
export type { MediaKind } from '../../../functions/media/kinds.ts'
export type { StoredItem, SignInConfig }

export interface Me {
  username: string
  name: string
  isAdmin: boolean
  tenants: Array<{ id: string; name: string; regionName?: string }>
}

/** The list answers working copies as stored. */
export type ItemSummary = StoredItem

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Times to publish and unpublish (ISO with offset); null clears one. */
export interface Schedule {
  publishAt: string | null
  unpublishAt: string | null
}

/** An item another edition shared nationally (GET …/shared). */
export interface SharedItem {
  id: string
  tenant: string
  type: StoredItem['type']
  slug: string
  title: string
  summary?: string
  publishedAt?: string
  followed: boolean
}

export interface Topic {
  slug: string
  name: string
}

/** A course's question bank as GET/PUT …/courses/{id}/exam and POST …/exam/publish answer it. */
export interface ExamAnswer {
  exam: ExamDraft
  course: { id: string; slug: string; status: string; learningGoals: string[] }
  questionsPerAttempt: number
  /** English; the workspace words its own (views/exam-model.ts publishGaps). */
  problems: string[]
}

/** What PUT …/exam takes: the bank over the version the editor loaded (0 before the first save). */
export type ExamSave = ExamInput & { version: number }
