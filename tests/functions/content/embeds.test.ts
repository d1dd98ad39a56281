import { beforeAll, describe, expect, it } from 'vitest'
import * as keys from '../../../functions/content/keys.ts'
import { richTextToPlain } from '../../../functions/content/richtext-plain.ts'
import { maxEmbeds, richTextWithoutEmbedsSchema, type Block } from '../../../functions/content/richtext.ts'
import type { ContentFields } from '../../../functions/content/schema.ts'
import type { StoredItem } from '../../../functions/content/store.ts'
import { mediaPathsIn } from '../../../functions/media/usage.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { publishNew, testArticle, testTenant } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/**
 * Films and episodes embedded in a body (issue 17): checked and copied at every save through the editor API on
 * DynamoDB Local, so reader pages render them from the body alone.
 */
describe('embedded films and episodes', () => {
  let env: Env
  let ownFilm: StoredItem
  let theirShared: StoredItem
  let theirUnshared: StoredItem
  let national: StoredItem
  let ownDraft: StoredItem
  const audio = '/media/tenants/akershus/media/01JAAAAAAAAAAAAAAAAAAAAAAA/lyd.mp3'
  const seriesId = '01JBBBBBBBBBBBBBBBBBBBBBBB'

  const film = (tenant: string, slug: string, overrides: Partial<ContentFields> = {}) =>
    ({ ...testArticle(tenant, slug), type: 'film', title: `Film ${slug}`, video: { externalUrl: 'https://video.example.no/film', durationSeconds: 95 }, ...overrides }) as ContentFields
  /** An embed of a film (or, with `type: 'podkast'`, of a series' episode named in `extra`). */
  const embed = (item: { tenant: string; id: string; type?: string }, extra: Record<string, unknown> = {}): Block =>
    ({ type: 'embed', item: { tenant: item.tenant, type: item.type === 'podkast' ? 'podkast' : 'film', id: item.id }, ...extra }) as Block
  const save = (blocks: Block[], slug = 'med-film') => {
    const { id, tenant, ...fields } = testArticle('akershus', slug, { body: { type: 'doc', content: blocks } })
    return env.call('POST', '/api/editor/tenants/akershus/items', env.tokens.akershus, fields)
  }
  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'embed_unavailable', error: expect.stringMatching(/not available/) })
  }

  beforeAll(async () => {
    env = await createEditorEnvironment('content-embeds')
    ownFilm = await publishNew(env.services, film('akershus', 'handvask'))
    theirShared = await publishNew(env.services, film('innlandet', 'forflytning', { sharedNationally: true }))
    theirUnshared = await publishNew(env.services, film('innlandet', 'lokal'))
    // The national edition's own work is everyone's without the flag (its listings are shared by being national).
    national = await publishNew(env.services, film('nasjonal', 'isbar', { sharedNationally: false }))
    ownDraft = await env.services.content.create(film('akershus', 'utkast'))
    // A published series written as publishing would leave it, so no sound file needs uploading for the test.
    const episode = (guid: string, publishedAt: string) => ({
      guid,
      slug: guid,
      title: `Episode ${guid}`,
      summary: 'Shownotes.',
      publishedAt,
      audio: { src: audio, bytes: 1000, mimeType: 'audio/mpeg', durationSeconds: 1500 },
    })
    const series = {
      ...testArticle('akershus', 'sovnpodden'),
      id: seriesId,
      type: 'podkast',
      title: 'Søvnpodden',
      category: 'Health & Fitness',
      language: 'nb',
      explicit: false,
      owner: { name: 'Redaksjonen', email: 'post@example.no' },
      episodes: [episode('ep-1', '2026-01-01T09:00:00+01:00'), episode('ep-later', '2099-01-01T09:00:00+01:00')],
    }
    const pk = keys.tenantPk('akershus')
    await env.services.db.put({ PK: pk, SK: keys.itemSk(seriesId), ...series, status: 'published', version: 2, publishedPath: { type: 'podkast', slug: 'sovnpodden' } })
    await env.services.db.put({ PK: pk, SK: keys.publishedSk('podkast', 'sovnpodden'), ...series, publishedAt: '2026-01-01T08:00:00Z', updatedAt: '2026-01-01T08:00:00Z' })
  }, 60_000)

  it('copies a film’s title, address and length from what readers see, whatever the form claimed; the national edition’s films are everyone’s', async () => {
    const claimed = { title: 'Feil tittel', path: '/annen/film/sti', durationSeconds: 1 }
    const response = await save([embed(ownFilm, { facts: claimed }), embed(theirShared), embed(national)])
    expect(response.status).toBe(201)
    const saved = (await response.json()) as StoredItem
    expect(saved.body.content).toEqual([
      { type: 'embed', item: { tenant: 'akershus', type: 'film', id: ownFilm.id }, facts: { title: 'Film handvask', path: '/akershus/film/handvask', durationSeconds: 95 } },
      { type: 'embed', item: { tenant: 'innlandet', type: 'film', id: theirShared.id }, facts: { title: 'Film forflytning', path: '/innlandet/film/forflytning', durationSeconds: 95 } },
      { type: 'embed', item: { tenant: 'nasjonal', type: 'film', id: national.id }, facts: { title: 'Film isbar', path: '/nasjonal/film/isbar', durationSeconds: 95 } },
    ])
    expect(richTextToPlain(saved.body)).toBe('Film handvask\n\nFilm forflytning\n\nFilm isbar')
  })

  it('copies a released episode’s title, page and sound file; the sound file is the series’ use, not the article’s', async () => {
    const response = await save([embed({ tenant: 'akershus', id: seriesId, type: 'podkast' }, { episode: 'ep-1' })], 'med-episode')
    expect(response.status).toBe(201)
    const saved = (await response.json()) as StoredItem
    expect(saved.body.content[0]).toEqual({
      type: 'embed',
      item: { tenant: 'akershus', type: 'podkast', id: seriesId },
      episode: 'ep-1',
      facts: { title: 'Episode ep-1', path: '/akershus/podkast/sovnpodden/ep-1', durationSeconds: 1500, audio: { src: audio, mimeType: 'audio/mpeg' } },
    })
    expect(mediaPathsIn(saved.body)).toEqual([])
  })

  it.each([
    ['an unknown item', () => embed({ tenant: 'akershus', id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })],
    ['a draft', () => embed(ownDraft)],
    ['another edition’s item that is not shared nationally', () => embed(theirUnshared)],
    ['a film named as a podcast', () => embed({ ...ownFilm, type: 'podkast' }, { episode: 'ep-1' })],
    ['an episode not released yet', () => embed({ tenant: 'akershus', id: seriesId, type: 'podkast' }, { episode: 'ep-later' })],
    ['a series without an episode', () => embed({ tenant: 'akershus', id: seriesId, type: 'podkast' })],
  ])('refuses %s with 400 embed_unavailable and saves nothing', async (_, block) => {
    await expectRefused(await save([block()], 'avvist'))
    expect(await env.services.db.get({ PK: keys.tenantPk('akershus'), SK: keys.slugSk('artikler', 'avvist') })).toBeUndefined()
  })

  it('refuses a shared film of an edition hidden from readers (its pages are 404), and takes it once the edition goes live', async () => {
    const vestfold = await publishNew(env.services, film('vestfold', 'skjult', { sharedNationally: true }))
    await env.services.catalog.putTenant({ ...testTenant('vestfold'), hidden: true })
    env.services.catalog.invalidate()
    await expectRefused(await save([embed(vestfold)], 'skjult-utgave'))
    await env.services.catalog.putTenant({ ...testTenant('vestfold'), hidden: false })
    env.services.catalog.invalidate()
    expect((await save([embed(vestfold)], 'skjult-utgave')).status).toBe(201)
  })

  it(`refuses more than ${maxEmbeds} embeds, and embeds where nothing checks them`, async () => {
    const response = await save(Array.from({ length: maxEmbeds + 1 }, () => embed(ownFilm)), 'mange')
    expect(response.status).toBe(400)
    expect(richTextWithoutEmbedsSchema.safeParse({ type: 'doc', content: [embed(ownFilm)] }).success).toBe(false)
  })
})
