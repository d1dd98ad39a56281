import { renderToString } from 'preact-render-to-string'
import { describe, expect, it, vi } from 'vitest'
import { focusIfLost } from '../../../web/editor/components/common.tsx'
import { ConfirmDialog, openModal } from '../../../web/editor/components/confirm-dialog.tsx'
import { t } from '../../../web/editor/text.ts'

/** Enough of an element for the dialog's focus handling: whether it is on the page, and whether it has focus. */
const element = (isConnected = true) => ({ isConnected, focus: vi.fn() })

describe('the confirmation dialog that replaces confirm() (issue 17)', () => {
  it('is a dialog named by its heading, described by its text, with the action named on its button', () => {
    const html = renderToString(<ConfirmDialog question={t.confirmUnpublish} onAnswer={() => {}} />)
    expect(html).toMatch(/^<dialog class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">/)
    expect(html).toContain('<h2 id="confirm-title">Avpublisere innholdet?</h2>')
    expect(html).toContain(`<p id="confirm-text">${t.confirmUnpublish.text}</p>`)
    expect(html).toMatch(/<button type="button" class="button button-primary">Avpubliser<\/button>/)
    expect(html).toMatch(/<button type="button" class="button" data-cancel[^>]*>Avbryt<\/button>/)
    // Opened modally by script (showModal), never rendered open: an open non-modal dialog would not trap focus.
    expect(html).not.toMatch(/<dialog[^>]* open/)
    expect(html).not.toMatch(/\bOK\b/)
  })

  it('marks destructive questions: archive, deleting a file', () => {
    for (const question of [t.confirmArchive, t.confirmDeleteMedia('dosett.png')])
      expect(renderToString(<ConfirmDialog question={question} onAnswer={() => {}} />)).toContain('class="button button-danger"')
  })

  it('asks every question as a question, with its action named on the button', () => {
    for (const question of [t.confirmUnpublish, t.confirmArchive, t.confirmRestore(4), t.confirmDeleteMedia('dosett.png')]) {
      expect(question.title).toMatch(/\?$/)
      expect(question.confirm).not.toMatch(/^(OK|Ja)$/i)
    }
  })

  it('opens modally with focus on «Avbryt», and gives focus back to the button that asked', () => {
    const cancel = element()
    const dialog = { showModal: vi.fn(), querySelector: vi.fn(() => cancel) }
    const opener = element()
    const restore = openModal(dialog as never, opener)
    expect(dialog.showModal).toHaveBeenCalledOnce()
    expect(dialog.querySelector).toHaveBeenCalledWith('[data-cancel]')
    expect(cancel.focus).toHaveBeenCalledOnce()
    expect(opener.focus).not.toHaveBeenCalled()
    restore()
    expect(opener.focus).toHaveBeenCalledOnce()
  })

  it('leaves focus alone when the button that asked is gone (the action removed it)', () => {
    const opener = element(false)
    openModal({ showModal: () => {}, querySelector: () => null } as never, opener)()
    expect(opener.focus).not.toHaveBeenCalled()
  })
})

describe('focus after an action (WCAG 2.4.3)', () => {
  const body = { id: 'body' }
  it('goes to the outcome when the browser dropped it to the body (a disabled or removed button)', () => {
    const notice = element()
    focusIfLost(notice, { body, activeElement: body } as never)
    expect(notice.focus).toHaveBeenCalledOnce()
    focusIfLost(notice, { body, activeElement: null } as never)
    expect(notice.focus).toHaveBeenCalledTimes(2)
  })

  it('stays where the editor is working', () => {
    const notice = element()
    focusIfLost(notice, { body, activeElement: { id: 'f-title' } } as never)
    expect(notice.focus).not.toHaveBeenCalled()
  })
})
