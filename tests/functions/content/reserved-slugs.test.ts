import { describe, expect, it } from 'vitest'
import { contentInputSchema } from '../../../functions/content/schema.ts'
import { topicSchema } from '../../../functions/tenants/schema.ts'
import { testArticle, testTopic } from '../../support/fixtures.ts'

// CloudFront sends every path ending in /sok to the search function: an item or topic called "sok" could never be read.
describe('addresses the site uses itself', () => {
  it('refuses an item or topic slugged "sok" with a reason, and takes the same slug with more to it', () => {
    const item = contentInputSchema.safeParse(testArticle('akershus', 'sok'))
    expect(item.success).toBe(false)
    expect(item.error?.issues.map((issue) => issue.message)).toContain('This address is used by the site itself (search, newsletter); choose another')
    expect(topicSchema.safeParse(testTopic('sok')).success).toBe(false)
    expect(contentInputSchema.safeParse(testArticle('akershus', 'sok-etter-hjelp')).success).toBe(true)
    expect(topicSchema.safeParse(testTopic('sokerhjelp')).success).toBe(true)
  })

  // Issue 14: and every path ending in /nyhetsbrev to the events function (the newsletter's sign-up).
  it('refuses an item or topic slugged "nyhetsbrev", and takes one that only starts so', () => {
    expect(contentInputSchema.safeParse(testArticle('akershus', 'nyhetsbrev')).success).toBe(false)
    expect(topicSchema.safeParse(testTopic('nyhetsbrev')).success).toBe(false)
    expect(contentInputSchema.safeParse(testArticle('akershus', 'nyhetsbrev-om-demens')).success).toBe(true)
  })
})
