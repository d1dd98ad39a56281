import '../styles/editor.css'
import { render } from 'preact'
import { App } from './app.tsx'

/** The editor workspace: one single-page app under /redaktor (its shell is web/site/editor-shell.tsx). */
const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(<App />, root)
}
