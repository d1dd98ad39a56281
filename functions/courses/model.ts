import type { RichText } from '../content/richtext.ts'
import type { ImageVariants } from '../content/schema.ts'
import type { PracticeQuestion } from './exam-types.ts'

/**
 * The shapes of a built course, zod-free so the site bundle can import them (schema.ts validates what editors
 * send into these).
 */

/** A film or podcast the lesson points at: an uploaded file, or a film or podcast item on the site. */
export interface LessonMedia {
  kind: 'film' | 'podkast'
  /** `/media/tenants/…` (an upload) or `/{tenant}/{film|podkast}/{slug}[/{episode}]` (an item page). */
  src: string
  title: string
  /** WebVTT captions of an uploaded film. */
  captions?: string
}

export interface LessonFields {
  title: string
  body: RichText
  /** Size and responsive variants are the media record's, set by each save (media/facts.ts), never the editor's. */
  image?: { src: string; alt: string; width?: number; height?: number; variants?: ImageVariants }
  media?: LessonMedia
  /** A PDF to download (an upload); `bytes` from its media record, so readers see the size before downloading. */
  pdf?: { src: string; title: string; bytes?: number }
  /** 0–5 questions to check understanding (practice.ts); the lesson page shows their answers only once answered. */
  practice?: PracticeQuestion[]
}

/** The table of contents: module titles and each lesson's title and number (1..N across the course). */
export interface Outline {
  modules: Array<{ title: string; lessons: Array<{ n: number; title: string }> }>
}

/** The working outline record. */
export interface StoredOutline extends Outline {
  courseId: string
  tenant: string
  version: number
  updatedAt: string
  savedBy?: string
}

/** A lesson as the editor edits it: its fields and its number. */
export type Lesson = LessonFields & { n: number }

/** A course's lessons as the workspace reads and writes them. */
export interface CourseLessons {
  version: number
  updatedAt?: string
  modules: Array<{ title: string; lessons: Lesson[] }>
}

/**
 * A published lesson: what a lesson page reads in one GetItem. It carries the course's outline for the table
 * of contents and previous/next, and `updatedAt` of the publish that wrote it (the render cache's key).
 */
export interface PublishedLesson extends Lesson {
  courseId: string
  moduleTitle: string
  outline: Outline
  updatedAt: string
}

/** Every lesson of an outline, in order. */
export const lessonsOf = (outline: Outline) => outline.modules.flatMap((module) => module.lessons)
