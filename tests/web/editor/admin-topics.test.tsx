import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { AdminTopic } from '../../../web/editor/api/admin.ts'
import { parseRoute, paths } from '../../../web/editor/routes.ts'
import { adminText } from '../../../web/editor/views/admin/admin-text.ts'
import { TopicChoiceDialog } from '../../../web/editor/views/admin/topic-choice-dialog.tsx'
import { topicErrors, TopicsPage } from '../../../web/editor/views/admin/topics.tsx'

const topic = (slug: string, name: string, over: Partial<AdminTopic> = {}): AdminTopic => ({ slug, name, summary: `Om ${name}.`, intro: { type: 'doc', content: [] }, ...over })
const topics = [topic('demens', 'Demens'), topic('gammel', 'Gammelt tema', { retired: { at: '2026-12-01T10:00:00.000Z', redirectTo: 'demens' } }), topic('utgatt', 'Utgått', { retired: { at: '2026-12-01T10:00:00.000Z' } })]
const blank = { slug: '', name: '', summary: '' }

describe('the admin area: topic areas (issue 17)', () => {
  it('has its own address', () => {
    expect(paths.adminTopics()).toBe('/redaktor/admin/fagtema')
    expect(parseRoute('/redaktor/admin/fagtema', '')).toEqual({ name: 'adminTopics' })
  })

  it('lists topics with their address and state; a retired one says where its pages send readers and cannot be retired again', () => {
    const html = renderToString(<TopicsPage topics={topics} draft={blank} errors={{}} />)
    expect(html).toContain('<h1 tabindex="-1">Fagtema</h1>')
    expect(html).toContain('/fagtema/demens')
    expect(html).toContain('Avviklet – sendes videre til Demens')
    expect(html).toContain('Avviklet – sendes videre til oversikten over fagtema')
    expect(html).toContain('aria-label="Avvikle Demens"')
    expect(html).not.toContain('aria-label="Avvikle Gammelt tema"')
    expect(html).toContain('aria-label="Endre navn på Gammelt tema"')
    expect(html).toMatch(/<label for="f-topic-slug">Nettadresse/)
  })

  it('renames without the address field, which stays', () => {
    const html = renderToString(<TopicsPage topics={topics} editing={topics[0]} draft={{ slug: 'demens', name: 'Demens', summary: 'x' }} errors={{ name: 'Fyll ut feltet.' }} />)
    expect(html).toContain('Endre navn på Demens</h2>')
    expect(html).not.toContain('id="f-topic-slug"')
    expect(html).toMatch(/<input id="f-topic-name" name="topic-name" aria-invalid="true" aria-describedby="f-topic-name-error"/)
    expect(html).toContain('Lagre navnet')
  })

  it('checks a new topic in bokmål before sending', () => {
    expect(topicErrors({ slug: 'Rus og Ø', name: '', summary: 'x'.repeat(401) }, true)).toEqual({
      slug: 'Bruk små bokstaver a–z, tall og enkle bindestreker (ikke æ, ø, å eller mellomrom).',
      name: 'Fyll ut feltet.',
      summary: 'Høyst 400 tegn.',
    })
    expect(topicErrors({ slug: '', name: 'Rus', summary: 'Om rus.' }, false)).toEqual({})
  })

  it('asks before retiring in a dialog with the replacement to choose, the topic index by default', () => {
    const html = renderToString(<TopicChoiceDialog kind="retire" topic={topics[0]!} replacements={[topic('palliasjon', 'Palliasjon')]} onAnswer={() => {}} />)
    expect(html).toMatch(/^<dialog class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">/)
    expect(html).toContain('<h2 id="confirm-title">Avvikle Demens?</h2>')
    expect(html).toContain('<label for="topic-choice">Send lesere videre til</label>')
    expect(html).toMatch(/<option selected value(="")?>Oversikten over alle fagtema<\/option>/)
    expect(html).toContain('<option value="palliasjon">Palliasjon</option>')
    expect(html).toMatch(/class="button button-danger">Avvikle fagtemaet<\/button>/)
    expect(html).toMatch(/data-cancel[^>]*>Avbryt<\/button>/)
  })

  it('asks before merging, with a topic to merge into chosen (no topic index: the items need a topic)', () => {
    const html = renderToString(<TopicChoiceDialog kind="merge" topic={topics[0]!} replacements={[topic('palliasjon', 'Palliasjon'), topic('rus', 'Rus')]} onAnswer={() => {}} />)
    expect(html).toContain('<h2 id="confirm-title">Slå sammen Demens med et annet fagtema?</h2>')
    expect(html).toContain('Publisert innhold publiseres på nytt med det nye fagtemaet')
    expect(html).toContain('<label for="topic-choice">Slå sammen med</label>')
    expect(html).not.toContain('Oversikten over alle fagtema')
    expect(html).toMatch(/<option selected value="palliasjon">|<option value="palliasjon" selected>/)
    expect(renderToString(<TopicsPage topics={topics} draft={blank} errors={{}} />)).toContain('aria-label="Slå sammen Demens med et annet fagtema"')
  })

  it('reports a merge with what readers see: republished items at once, items with unpublished changes when their editor publishes', () => {
    expect(adminText.merged('Eldre', 'Demens', 4, 0, 0)).toBe('Eldre er slått sammen med Demens: 4 saker flyttet.')
    expect(adminText.merged('Eldre', 'Demens', 4, 1, 2)).toBe(
      'Eldre er slått sammen med Demens: 4 saker flyttet, 1 ble endret av andre samtidig og har fortsatt det gamle fagtemaet. 2 publiserte saker har endringer som ikke er publisert, og viser det nye fagtemaet for leserne når de publiseres.',
    )
  })
})
