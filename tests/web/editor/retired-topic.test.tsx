// @vitest-environment happy-dom
import { render } from 'preact'
import { useState } from 'preact/hooks'
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { WorkspaceContext, type Workspace } from '../../../web/editor/context.ts'
import { setPath, type Fields } from '../../../web/editor/form/model.ts'
import { TaggingFields } from '../../../web/editor/views/fields/common.tsx'

let root: HTMLElement
let fields: Fields
afterEach(() => {
  render(null, root)
  root.remove()
})

/** The tagging fields as the item editor mounts them, with the topic areas the workspace loaded (retired ones are not among them). */
async function mount(initial: Fields) {
  const workspace = { topics: [{ slug: 'demens', name: 'Demens' }, { slug: 'legemidler', name: 'Legemidler' }] } as unknown as Workspace
  function Harness() {
    const [current, setFields] = useState(initial)
    fields = current
    return <TaggingFields fields={current} errors={{}} set={(path, value) => setFields((before) => setPath(before, path, value))} pickMedia={() => {}} />
  }
  root = document.body.appendChild(document.createElement('div'))
  await act(() => render(<WorkspaceContext.Provider value={workspace}><Harness /></WorkspaceContext.Provider>, root))
}

const topicBoxes = () =>
  [...root.querySelectorAll<HTMLInputElement>('fieldset#f-topics input[type=checkbox]')].map((box) => ({ label: root.querySelector(`label[for="${box.id}"]`)?.textContent, checked: box.checked, box }))

describe('an item tagged with a topic area an admin has retired (issue 17)', () => {
  it('shows the retired topic checked and named as no longer in use, and unticking it takes it off the item', async () => {
    await mount({ type: 'artikler', title: 'Demensvennlig hjem', topics: ['demens', 'eldre-og-demens'] })
    expect(topicBoxes().map(({ label, checked }) => [label, checked])).toEqual([
      ['Demens', true],
      ['Legemidler', false],
      ['«eldre-og-demens» er ikke lenger i bruk – fjern haken før du lagrer', true],
    ])
    await act(() => topicBoxes()[2]!.box.click())
    expect(fields.topics).toEqual(['demens'])
    // Once unticked it is gone from the list: only topics in use can be chosen.
    expect(topicBoxes().map(({ label }) => label)).toEqual(['Demens', 'Legemidler'])
  })

  it('offers only the topics in use when the item has none retired', async () => {
    await mount({ type: 'artikler', title: 'Demensvennlig hjem', topics: ['legemidler'] })
    expect(topicBoxes().map(({ label, checked }) => [label, checked])).toEqual([
      ['Demens', false],
      ['Legemidler', true],
    ])
  })
})
