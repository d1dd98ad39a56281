import { html } from 'hono/html'

/** The parts of the generated document the page shows (generate.ts writes them). */
interface Parameter {
  name: string
  in: string
  required: boolean
  schema: { type?: string; enum?: unknown[]; pattern?: string; default?: unknown; maxLength?: number; items?: { type?: string } }
}
interface Operation {
  summary: string
  description?: string
  parameters: Parameter[]
  responses: Record<string, unknown>
}
export interface DocumentForPage {
  info: { title: string; description: string }
  paths: Record<string, { get: Operation }>
}

const text = {
  lang: 'nb',
  intro: 'Maskinlesbar beskrivelse (OpenAPI 3.1):',
  parameters: 'Parametere',
  required: 'påkrevd',
  optional: 'valgfri',
  default: 'standard',
  answers: 'Svar',
  none: 'Ingen parametere.',
  back: 'Mer om API-et, strømmene og innbygging',
}

const schemaSummary = ({ schema }: Parameter) =>
  [
    schema.type === 'array' ? `${schema.items?.type ?? 'string'}, repeated` : schema.type,
    schema.enum ? `one of ${schema.enum.join(', ')}` : undefined,
    schema.pattern ? `pattern ${schema.pattern}` : undefined,
    schema.maxLength === undefined ? undefined : `at most ${schema.maxLength} characters`,
    schema.default === undefined ? undefined : `${text.default} ${String(schema.default)}`,
  ]
    .filter(Boolean)
    .join('; ')

/**
 * `/api/docs`: the operations of the generated document as plain server-rendered HTML. Not Scalar's reference: it loads
 * its script from a CDN by default, which the site's CSP (script-src 'self') refuses and an offline machine cannot
 * reach, and its standalone bundle (~3 MB) would be a browser asset bigger than the rest of the site's together.
 * No script, no styles: the page works within the policy every /api/* response carries.
 */
export function docsPage(document: DocumentForPage, documentPath: string) {
  const operations = Object.entries(document.paths)
  return html`<!doctype html>
<html lang="${text.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${document.info.title}</title></head>
<body>
<main>
<h1>${document.info.title}</h1>
<p>${document.info.description}</p>
<p>${text.intro} <a href="${documentPath}">${documentPath}</a></p>
<nav><ul>${operations.map(([path]) => html`<li><a href="#${anchor(path)}"><code>GET ${path}</code></a></li>`)}</ul></nav>
${operations.map(
  ([path, { get }]) => html`<section id="${anchor(path)}">
<h2><code>GET ${path}</code></h2>
<p>${get.summary}</p>${get.description ? html`<p>${get.description}</p>` : ''}
<h3>${text.parameters}</h3>
${get.parameters.length === 0
  ? html`<p>${text.none}</p>`
  : html`<ul>${get.parameters.map(
      (parameter) => html`<li><code>${parameter.name}</code> (${parameter.in}, ${parameter.required ? text.required : text.optional}): ${schemaSummary(parameter)}</li>`,
    )}</ul>`}
<h3>${text.answers}</h3>
<p>${Object.keys(get.responses).join(', ')}</p>
</section>`,
)}
<p><a href="/for-utviklere">${text.back}</a></p>
</main>
</body>
</html>`
}

const anchor = (path: string) => path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')
