/**
 * A SCORM course needs JavaScript (the package runs in the browser), so its start button and player frame are
 * hidden in the HTML and shown here, and the notice saying JavaScript is needed goes. On the player's page it
 * listens to the player frame (web/scorm/player.ts), from the SCORM origin and that frame only, and when the
 * package reports a pass with a score, fills the form that posts it to the server and shows it. Words come from
 * the page's data attributes (web/site/pages/scorm-text.ts).
 */
interface PlayerMessage {
  type: 'kompetansebroen-scorm'
  status: string
  score?: number
}

const isMessage = (data: unknown): data is PlayerMessage =>
  typeof data === 'object' && data !== null && (data as PlayerMessage).type === 'kompetansebroen-scorm' && typeof (data as PlayerMessage).status === 'string'

for (const element of document.querySelectorAll<HTMLElement>('[data-scorm-nojs]')) element.hidden = true
for (const element of document.querySelectorAll<HTMLElement>('[data-scorm-start], [data-scorm-player], [data-scorm-result]')) element.hidden = false

const frame = document.querySelector<HTMLIFrameElement>('[data-scorm-player]')
const status = document.querySelector<HTMLElement>('[data-scorm-status]')
const form = document.querySelector<HTMLFormElement>('[data-scorm-form]')
if (frame && status && form) {
  let shown = ''
  addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== frame.dataset.origin || event.source !== frame.contentWindow || !isMessage(event.data)) return
    const { status: reported, score } = event.data
    const passed = reported === 'passed' && typeof score === 'number' && score >= 0 && score <= 100
    const text =
      reported === 'passed'
        ? passed
          ? (status.dataset.passed ?? '').replace('{score}', String(Math.round(score * 10) / 10).replace('.', ','))
          : (status.dataset.noscore ?? '')
        : reported === 'failed'
          ? (status.dataset.failed ?? '')
          : (status.dataset.waiting ?? '')
    // The status is a live region: say it once per change, not on every commit the package makes.
    if (text !== shown) status.textContent = shown = text
    form.hidden = !passed
    if (passed) {
      ;(form.elements.namedItem('status') as HTMLInputElement).value = 'passed'
      ;(form.elements.namedItem('score') as HTMLInputElement).value = String(Math.round(score * 10000) / 10000)
    }
  })
}
