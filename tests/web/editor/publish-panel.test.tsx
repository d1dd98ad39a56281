import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { StoredItem } from '../../../functions/content/store.ts'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { PublishPanel } from '../../../web/editor/views/publish-panel.tsx'
import type { ItemEditorState } from '../../../web/editor/views/use-item-editor.ts'
import { testArticle } from '../../support/fixtures.ts'

const workspace = { tenant: { id: 'akershus', name: 'Akershus' } } as Workspace

function render(item: StoredItem) {
  const state = { item, busy: undefined, dirty: false } as unknown as ItemEditorState
  return renderToString(
    <WorkspaceContext.Provider value={workspace}>
      <PublishPanel state={state} onPreview={() => {}} />
    </WorkspaceContext.Provider>,
  )
}

describe('the publish panel', () => {
  const draft: StoredItem = { ...testArticle('akershus', 'planlagt'), status: 'draft', version: 3, createdAt: '2027-01-01T08:00:00.000Z', updatedAt: '2027-01-01T08:00:00.000Z' }

  it('tells the editor in bokmål that the scheduler gave up on a planned publish, and why', () => {
    const html = render({ ...draft, scheduleFailure: { action: 'publish', reason: 'Cannot publish yet: The main image needs alt text.', at: '2027-01-04T09:08:00.000Z', attempts: 1 } })
    expect(html).toContain('Den planlagte publiseringen ble ikke utført (ga opp')
    expect(html).toContain('Årsak: Cannot publish yet: The main image needs alt text.')
    expect(html).toContain('Rett opp det som mangler, og lagre en ny plan eller publiser nå.')
  })

  it('says nothing of failures when there is none', () => {
    expect(render(draft)).not.toContain('ble ikke utført')
  })

  it('offers «Lag kopi» and «Slett» for a draft, and says a published item must be unpublished before deleting (issue 17)', () => {
    const html = render(draft)
    expect(html).toMatch(/<button type="button" class="button">Lag kopi<\/button>/)
    expect(html).toMatch(/<button type="button" class="button button-danger">Slett<\/button>/)
    const published = render({ ...draft, status: 'published' })
    expect(published).toContain('Lag kopi')
    expect(published).not.toMatch(/>Slett</)
    expect(published).toContain('Publisert innhold må avpubliseres før det kan slettes.')
  })
})
