import { beforeAll, describe, expect, inject, it } from 'vitest'
import { createEditorEnvironment } from '../support/editors.ts'
import { publishNew, testArticle } from '../support/fixtures.ts'
import { testEvent } from '../support/events.ts'
import { jsonBody, requests } from './arbitraries.ts'
import { changedKeys, expectSound, fuzzBudget, runFuzz, send, snapshot, statusSummary } from './harness.ts'

/*
 * Issue 15, "Resilience, proven": every route of the editor API, fuzzed as Akershus' demo editor (and now and then
 * with no, a garbage, an expired or a forged token). Editors may change their own edition, so the property is: no
 * 5xx, every 4xx an English JSON error, and every item that changed belongs to Akershus (its partitions name it).
 * Nothing of another edition, the catalog or the national edition may change: the tenant guard and the role checks
 * hold under garbage as well as under well-formed requests.
 */
type Env = Awaited<ReturnType<typeof createEditorEnvironment>>
let env: Env
const known: string[] = ['akershus', 'akershus', 'akershus', 'innlandet', 'nasjonal', 'artikler', 'arrangementer', 'e-kurs', 'podkast', 'demens', 'kommune', 'editor', 'api']
const templates: Array<Record<string, unknown>> = []
const params: Record<string, string[]> = { tenant: ['akershus', 'akershus', 'akershus', 'innlandet'] }

beforeAll(async () => {
  // The newsletter's test send mails through the SES emulator (without a sender it answers an honest 503).
  const { dynamodbEndpoint, s3Endpoint, sesEndpoint } = inject('emulators')
  env = await createEditorEnvironment('fuzz-editor-api', { config: { endpoints: { dynamodb: dynamodbEndpoint, s3: s3Endpoint, ses: sesEndpoint }, mailFrom: 'fuzz@kompetansebroen.test' } })
  const own = await publishNew(env.services, testArticle('akershus', 'fuzz-egen', { topics: ['demens'] }))
  const theirs = await publishNew(env.services, testArticle('innlandet', 'fuzz-andres', { sharedNationally: true }))
  const event = await publishNew(env.services, testEvent('akershus', 'fuzz-fagdag'))
  known.push(own.id, own.slug, theirs.id, theirs.slug, event.id, String(own.version))
  followedIds = [theirs.id]
  Object.assign(params, { id: [own.id, event.id, theirs.id], owner: ['innlandet', 'akershus'], slug: [theirs.slug, own.slug], revision: ['1', '2'] })
  const { id: _id, ...fields } = testArticle('akershus', 'fuzz-ny')
  templates.push(
    fields,
    { ...own, version: own.version },
    { version: own.version },
    { version: 0, modules: [] },
    { filename: 'bilde.jpg', contentType: 'image/jpeg', size: 1234, kind: 'image' },
    { tenant: 'innlandet', itemId: theirs.id },
    { subject: 'Nytt', intro: 'Hei', itemIds: [own.id] },
    { url: 'https://kalender.example.no/feed.ics', name: 'Partner' },
  )
})

/**
 * Akershus' own partitions (TENANT#akershus, NEWSLETTER#akershus, …) name it. Beside them an edit writes the CDN's
 * outbox (INVALIDATION#…) and the scheduler's and search's queues, whose sort keys name the edition
 * (NEWSLETTERDUE, SEARCHLOG). Following another edition's shared item writes that item's followers record and its
 * search document (which editions show it) in the owner's partition: allowed, but only if the followers differ by
 * Akershus alone (checked below). The workspace asking who is signed in records that editor's own last sign-in
 * (the admin area's account list): Akershus' editor's record, no one else's.
 */
const allowed = (key: string) => {
  const [, pk = '', sk = ''] = key.split(' ')
  if (pk.includes('akershus') || pk.startsWith('INVALIDATION#')) return true
  if (pk === 'EDITOR_SIGN_INS') return sk === 'SIGNIN#akershus@example.no'
  if (pk === 'SEARCHLOG' || pk === 'NEWSLETTERDUE') return sk.includes('#akershus#') || followedIds.some((id) => sk.includes(id))
  return sk.startsWith('FOLLOWERS#') || sk.startsWith('SEARCHDOC#')
}
let followedIds: string[] = []

/** The edition ids a record lists (followers, where an item is shown), without Akershus: a follow by Akershus keeps them. */
const othersListed = (row: string | undefined) => {
  const listed = new Set<string>()
  JSON.stringify(row ? JSON.parse(row) : {}, (_key, value) => (Array.isArray(value) && value.forEach((v) => typeof v === 'string' && v !== 'akershus' && listed.add(v)), value))
  return [...listed].sort()
}

describe('fuzzing the editor API as an edition editor', () => {
  it('answers every generated request without a 5xx, 4xx in English JSON, and changes only Akershus', async () => {
    const before = await snapshot(env.services)
    const { akershus, expired, forged } = env.tokens
    const authorizations = Array(24).fill(`Bearer ${akershus}`).concat(`Bearer ${expired}`, `Bearer ${forged}`, '', 'Basic YWRtaW46YWRtaW4=')
    const arbitrary = requests({ routes: env.app.routes, known, params, contentType: 'application/json', authorizations, body: jsonBody(templates) })
    const sent = await runFuzz(arbitrary, fuzzBudget(800, 4_000), async (request) => expectSound(await send(env.app, request), request, { api: true }))
    console.info(`editor API: ${sent} generated requests: ${statusSummary()}`)
    expect(sent).toBeGreaterThan(100)
    const after = await snapshot(env.services)
    const changed = changedKeys(before, after)
    expect(changed.filter((key) => !allowed(key))).toEqual([])
    // Another edition's followers and search document changed only by Akershus joining or leaving their lists.
    const theirs = changed.filter((key) => !key.split(' ')[1]!.includes('akershus') && / (FOLLOWERS|SEARCHDOC)#/.test(key))
    for (const key of theirs) expect(othersListed(after.get(key)), key).toEqual(othersListed(before.get(key)))
  })
})
