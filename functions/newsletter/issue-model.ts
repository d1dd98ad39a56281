import * as z from 'zod'
import { contentTypeSchema, itemIdSchema, slugSchema } from '../content/schema.ts'
import { lineText, paragraphText } from '../content/text.ts'

/** An item as an issue shows it: copied when the issue is saved, so a later edit never changes a mail already sent. */
export const issueItemSchema = z.object({
  id: itemIdSchema,
  tenant: slugSchema,
  type: contentTypeSchema,
  slug: slugSchema,
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.string()),
})
export type IssueItem = z.infer<typeof issueItemSchema>

/** What an editor composes (the workspace's form, `POST …/newsletter/issues` and the preview). */
export const issueDraftSchema = z.object({
  subject: lineText(150, { min: 1, trim: true }),
  intro: paragraphText(2000, { trim: true }),
  itemIds: z.array(itemIdSchema).min(1).max(20),
})
export type IssueDraft = z.infer<typeof issueDraftSchema>

export const sendRequestSchema = z.object({
  /** Absent: as soon as the scheduler runs (within a minute). */
  sendAt: z.iso.datetime({ offset: true }).optional(),
})

export type IssueStatus = 'scheduled' | 'sending' | 'sent'

/** One issue of an edition's newsletter, and how far its send has come. */
export interface NewsletterIssue {
  tenant: string
  id: string
  subject: string
  intro: string
  items: IssueItem[]
  status: IssueStatus
  sendAt: string
  createdAt: string
  createdBy: string
  /** Where the send goes on: the last subscriber page's cursor (absent: from the start). */
  cursor?: string
  /** Every subscriber has had their turn; claims of mail in flight at a crash wait for SES's word (send-log.ts). */
  phase?: 'confirming'
  sentCount: number
  finishedAt?: string
}
