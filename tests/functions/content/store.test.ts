import { beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../../functions/services.ts'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog, testArticle } from '../../support/fixtures.ts'

const article = testArticle

describe('content store against DynamoDB Local', () => {
  let services: Services
  beforeAll(async () => {
    ;({ services } = await createTestEnvironment('content-store'))
    await seedCatalog(services, ['nasjonal', 'innlandet', 'vestfold', 'akershus', 'ostfold'], ['demens'])
  })

  it('claims a slug once per tenant and type: the second create is a 409 and writes nothing', async () => {
    await services.content.create(article('innlandet', 'samme-adresse'))
    const second = article('innlandet', 'samme-adresse')
    await expect(services.content.create(second)).rejects.toMatchObject({ status: 409 })
    expect(await services.content.getItem('innlandet', second.id)).toBeUndefined()
    // Another tenant may use the same slug.
    await expect(services.content.create(article('vestfold', 'samme-adresse'))).resolves.toMatchObject({ status: 'draft' })
  })

  it('keeps drafts away from readers until published', async () => {
    const draft = await services.content.create(article('innlandet', 'utkast'))
    expect(await services.content.getPublished('innlandet', 'artikler', 'utkast')).toBeUndefined()
    const page = await services.content.listEdition('innlandet', { type: 'artikler', limit: 100 })
    expect(page.items.map((card) => card.id)).not.toContain(draft.id)
  })

  it('publishes into the owner edition, and into the national edition only when shared', async () => {
    const local = await services.content.create(article('vestfold', 'lokal', { topics: ['demens'] }))
    const shared = await services.content.create(article('vestfold', 'delt', { sharedNationally: true, topics: ['demens'] }))
    await services.content.publish('vestfold', local.id, 1)
    await services.content.publish('vestfold', shared.id, 1)
    const vestfold = await services.content.listEdition('vestfold', { type: 'artikler', limit: 100 })
    const national = await services.content.listEdition('nasjonal', { type: 'artikler', limit: 100 })
    expect(vestfold.items.map((card) => card.slug)).toEqual(expect.arrayContaining(['lokal', 'delt']))
    expect(national.items.map((card) => card.slug)).toContain('delt')
    expect(national.items.map((card) => card.slug)).not.toContain('lokal')
    const topic = await services.content.topicCards('nasjonal', 'demens', { limit: 100 })
    expect(topic.items.map((card) => card.slug)).toEqual(['delt'])
  })

  it('refuses a publish from a stale version with 409 and leaves the item as it was', async () => {
    const item = await services.content.create(article('akershus', 'gammel-versjon'))
    await services.content.publish('akershus', item.id, 1)
    await expect(services.content.publish('akershus', item.id, 1)).rejects.toMatchObject({ status: 409 })
    expect(await services.content.getItem('akershus', item.id)).toMatchObject({ version: 2, status: 'published' })
  })

  it('pages through a listing returning every item exactly once', async () => {
    const slugs = Array.from({ length: 23 }, (_, index) => `side-${index}`)
    for (const slug of slugs) {
      const item = await services.content.create(article('ostfold', slug))
      await services.content.publish('ostfold', item.id, 1)
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await services.content.listEdition('ostfold', { type: 'artikler', limit: 5, cursor })
      seen.push(...page.items.map((card) => card.slug))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual([...slugs].sort())
  })

  it('rejects a cursor from another edition with a 400 instead of leaking or failing', async () => {
    const page = await services.content.listEdition('ostfold', { type: 'artikler', limit: 1 })
    expect(page.nextCursor).toBeDefined()
    await expect(
      services.content.listEdition('vestfold', { type: 'artikler', limit: 1, cursor: page.nextCursor }),
    ).rejects.toMatchObject({ status: 400 })
  })
})
