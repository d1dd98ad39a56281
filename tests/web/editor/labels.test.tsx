import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { errorCodeText, fieldText, episodeFieldText, t } from '../../../web/editor/text.ts'
import { MainFields } from '../../../web/editor/views/fields/common.tsx'
import { NewItemMenu } from '../../../web/editor/views/item-list.tsx'

const workspace = { tenant: { id: 'akershus', name: 'Akershus' }, tenantApi: {} } as unknown as Workspace
const textOf = (html: string) => html.replace(/<span aria-hidden="true">.*?<\/span>/g, '').replace(/<[^>]+>/g, '')

describe('labels without jargon (issue 17)', () => {
  it('calls the slug «Nettadresse» and shows the whole address it makes', () => {
    const html = renderToString(
      <WorkspaceContext.Provider value={workspace}>
        <MainFields fields={{ type: 'artikler', slug: 'trygg-legemiddelhandtering' }} errors={{}} set={() => {}} pickMedia={() => {}} />
      </WorkspaceContext.Provider>,
    )
    expect(html).toContain('>Nettadresse<')
    expect(html).toContain('Leserne finner innholdet på /akershus/artikler/trygg-legemiddelhandtering.')
    expect(html).not.toMatch(/slug\)|Adresse \(/)
  })

  it('never says «slug» in any field label or in the taken-address message', () => {
    for (const label of [...Object.values(fieldText), ...Object.values(episodeFieldText), t.slug, t.slugTaken, errorCodeText.slug_taken]) expect(label).not.toMatch(/slug/i)
  })

  it('keeps the «▾» out of the «Nytt innhold» menu’s accessible name', () => {
    const html = renderToString(<NewItemMenu tenant="akershus" />)
    const summary = /<summary[^>]*>(.*?)<\/summary>/.exec(html)![1]!
    expect(summary).toContain('<span aria-hidden="true"> ▾</span>')
    expect(textOf(summary)).toBe('Nytt innhold')
  })
})
