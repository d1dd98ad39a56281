import { Hono } from 'hono/tiny'
import { renderToString } from 'preact-render-to-string'
import type { AssetManifest } from '../assets.ts'

/**
 * `/redaktor/*`: the editor workspace is a single-page app; the server sends only its shell. Editors' data
 * never passes through here; the app talks to /api/editor/* with its own bearer token.
 */
export function editorShellRoutes(assets: () => AssetManifest) {
  const shell = () => {
    const manifest = assets()
    return `<!doctype html>${renderToString(
      <html lang="nb">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          {manifest['favicon.svg'] ? <link rel="icon" href={manifest['favicon.svg']} type="image/svg+xml" /> : <link rel="icon" href="data:," />}
          <title>Redaktør – Kompetansebroen</title>
          {manifest['editor.css'] && <link rel="stylesheet" href={manifest['editor.css']} />}
          {manifest['editor.js'] && <script type="module" src={manifest['editor.js']} />}
        </head>
        <body>
          <div id="app">
            <noscript>Redaktørflaten trenger JavaScript. Slå det på i nettleseren og last siden på nytt.</noscript>
          </div>
        </body>
      </html>,
    )}`
  }
  const app = new Hono()
  const serve = (c: import('hono').Context) => c.html(shell(), 200, { 'cache-control': 'no-store' })
  app.get('/redaktor', serve)
  app.get('/redaktor/*', serve)
  return app
}
