import { Hono, type Context } from 'hono'
import { publicOrigin } from '../../web/site/origin.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import * as z from 'zod'
import type { EditorEnv } from '../auth/middleware.ts'
import { itemIdSchema, type ContentCard } from '../content/schema.ts'
import { itemPath } from '../content/paths.ts'
import type { Mailer } from '../events/mail.ts'
import type { Db, Page } from '../shared/db.ts'
import { ApiError, badRequest, conflict, notFound } from '../shared/errors.ts'
import { validate } from '../shared/validation.ts'
import { issueDraftSchema, sendRequestSchema, type IssueDraft, type IssueItem } from './issue-model.ts'
import type { IssueStore } from './issues.ts'
import { issueMessage, type Edition } from './messages.tsx'
import { preferencesPath, unsubscribePath } from './paths.ts'
import { countSubscribers } from './subscriber-counts.ts'

/** How far back an editor picks from: the edition's newest published items. */
export const recentItemLimit = 30

export interface NewsletterEditorServices {
  db: Db
  issues: IssueStore
  mailer: Mailer
  catalog: { get(): Promise<{ anyTenant(id: string): { id: string; name: string } | undefined }> }
  content: { listEdition(edition: string, query: { limit: number }): Promise<Page<ContentCard>> }
  /** The signed-in editor's own verified address (the access token carries only the username). */
  emailOf(username: string): Promise<string | undefined>
  /** The site's public origin for the mail's links (else the host CloudFront forwarded). */
  config: Pick<RuntimeConfig, 'siteOrigin'>
}

const toIssueItem = (card: ContentCard): IssueItem => ({ id: card.id, tenant: card.tenant, type: card.type, slug: card.slug, title: card.title, summary: card.summary, topics: card.topics })

/**
 * `/api/editor/tenants/:tenant/newsletter/*` (issue 14), behind the editor API's one tenant guard: the edition's
 * recent items to pick from, a preview rendered as the mail will be, a test send to the editor's own address, and
 * issues scheduled (now or later) for the scheduler to send. Everything reads and writes the guarded tenant's
 * partition only; subscribers are counted, never listed.
 */
export function newsletterEditorRoutes(services: NewsletterEditorServices) {
  async function edition(tenant: string): Promise<Edition> {
    const found = (await services.catalog.get()).anyTenant(tenant)
    return { id: tenant, name: found?.name ?? tenant }
  }

  const recent = async (tenant: string) => (await services.content.listEdition(tenant, { limit: recentItemLimit })).items.map(toIssueItem)

  /** The draft's items in the editor's order, each one of the edition's recent published items. */
  async function itemsOf(tenant: string, draft: IssueDraft): Promise<IssueItem[]> {
    const byId = new Map((await recent(tenant)).map((item) => [item.id, item]))
    return draft.itemIds.map((id) => {
      const item = byId.get(id)
      if (!item) throw badRequest(`Item ${id} is not among the edition's ${recentItemLimit} newest published items.`, 'unknown_item')
      return item
    })
  }

  /** The mail as a subscriber gets it; the preview's and test's links are placeholders that lead nowhere. */
  async function render(c: Context, tenant: string, draft: IssueDraft, email: string) {
    const origin = publicOrigin(c, services.config)
    const sample = 'forhandsvisning-'.padEnd(32, '0')
    return issueMessage({
      edition: await edition(tenant),
      subject: draft.subject,
      intro: draft.intro,
      items: (await itemsOf(tenant, draft)).map((item) => ({ ...item, url: new URL(itemPath(item), origin).href })),
      email,
      preferencesUrl: new URL(preferencesPath(tenant, sample), origin).href,
      unsubscribeUrl: new URL(unsubscribePath(tenant, sample), origin).href,
    })
  }

  return new Hono<EditorEnv>()
    .get('/newsletter', async (c) => {
      const tenant = c.get('tenant')
      const [items, issues, subscribers] = await Promise.all([recent(tenant), services.issues.list(tenant), countSubscribers(services.db, tenant)])
      return c.json({ items, issues, subscribers })
    })

    .post('/newsletter/preview', validate('json', issueDraftSchema), async (c) => {
      const mail = await render(c, c.get('tenant'), c.req.valid('json'), 'forhandsvisning@example.invalid')
      return c.json({ subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers })
    })

    .post('/newsletter/test', validate('json', issueDraftSchema), async (c) => {
      const email = await services.emailOf(c.get('principal').username)
      if (!email) throw badRequest('Your account has no verified e-mail address to send the test to.', 'no_editor_email')
      const mail = await render(c, c.get('tenant'), c.req.valid('json'), email)
      try {
        await services.mailer.send({ ...mail, subject: `[Test] ${mail.subject}` })
      } catch (error) {
        throw new ApiError(503, `The test mail could not be sent: ${String((error as Error).message ?? error)}`, 'unavailable')
      }
      return c.json({ sentTo: email })
    })

    .post('/newsletter/issues', validate('json', issueDraftSchema.extend(sendRequestSchema.shape)), async (c) => {
      const tenant = c.get('tenant')
      const { sendAt, ...draft } = c.req.valid('json')
      const items = await itemsOf(tenant, draft)
      const issue = await services.issues.schedule(tenant, draft, items, { createdBy: c.get('principal').username, sendAt: sendAt ? new Date(sendAt) : undefined })
      return c.json(issue, 201)
    })

    .delete('/newsletter/issues/:id', validate('param', z.object({ id: itemIdSchema })), async (c) => {
      const { id } = c.req.valid('param')
      if (!(await services.issues.get(c.get('tenant'), id))) throw notFound(`No newsletter issue ${id} in this edition.`)
      if (!(await services.issues.cancel(c.get('tenant'), id))) throw conflict('Only a scheduled issue that has not started can be withdrawn.', 'issue_not_scheduled')
      return c.body(null, 204)
    })
}
