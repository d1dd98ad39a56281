import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync } from 'node:zlib'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import { operations, type Operation } from './operations.ts'
import { components, errorResponse } from './responses.ts'
import { docsPage } from './docs-page.ts'
import { openApiPath } from './paths.ts'

/**
 * The OpenAPI 3.1 document of the public API, generated from the routes' zod schemas (operations.ts) with zod 4's own
 * JSON Schema writer (draft 2020-12, OpenAPI 3.1's dialect). It runs at build time, not in the Lambda: the writer
 * is ~22 KB of the public API's 250 KB budget. `npx tsx functions/openapi/generate.ts` writes document.ts, which the
 * public API serves (routes.ts); tests/functions/openapi fails while the file is stale.
 */

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] }
// Refinements and transforms have no JSON Schema: their input or output type stands for them.
const options = { target: 'draft-2020-12', unrepresentable: 'any' } as const

/** A parameter object's schema, inline: what a client sends (input), so a defaulted parameter is optional. */
const inputSchema = (schema: core.$ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { ...options, io: 'input' })
  return rest as JsonSchema
}

/**
 * The responses' schemas as components, each written once: the card, rich text and timestamps recur in most answers
 * (inline, the item's five types alone repeat rich text into ~38 KB).
 */
function componentSchemas() {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id })
  for (const operation of operations) registry.add(operation.response, { id: responseId(operation) })
  registry.add(errorResponse, { id: 'Error' })
  const { schemas } = z.toJSONSchema(registry, { ...options, io: 'output', uri: (id) => `#/components/schemas/${id}` })
  // Each component is a schema of the document, not a JSON Schema document of its own.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]))
}

export const responseId = (operation: Operation) => `${operation.operationId[0]!.toUpperCase()}${operation.operationId.slice(1)}Response`
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

function parameters(where: 'path' | 'query', object: core.$ZodObject | undefined) {
  if (!object) return []
  const { properties = {}, required = [] } = inputSchema(object)
  // A default applied after a transform (text to number) shows only on the output side: carried over, as the text sent.
  const defaults = z.toJSONSchema(object, { ...options, io: 'output' }).properties ?? {}
  return Object.entries(properties).map(([name, input]) => {
    const fallback = (defaults[name] as { default?: unknown } | undefined)?.default
    const schema = input.default === undefined && fallback !== undefined ? { ...input, default: input.type === 'string' ? String(fallback) : fallback } : input
    return {
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      schema,
      ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
    }
  })
}

const statusNames: Record<number, string> = { 400: 'Bad request: a parameter is missing or malformed.', 404: 'Not found.', 410: 'Gone: withdrawn.', 501: 'Not implemented.' }
const jsonContent = (schema: object) => ({ 'application/json': { schema } })

function operationObject(operation: Operation) {
  // 400 where there is something to get wrong: a parameter.
  const errors = [...(operation.params || operation.query ? [400] : []), ...(operation.errors ?? [])]
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    parameters: [...parameters('path', operation.params), ...parameters('query', operation.query)],
    responses: {
      200: { description: 'OK. Cached at the edge for a minute (Cache-Control).', content: jsonContent(ref(responseId(operation))) },
      ...Object.fromEntries(errors.map((status) => [status, { $ref: `#/components/responses/${status}` }])),
    },
  }
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kompetansebroen API',
      version: '1',
      description: 'Read-only JSON of what is published on Kompetansebroen: editions, topics, content, search and oEmbed. Open to all; no key.',
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'Innhold' }, { name: 'Søk' }, { name: 'Innebygging' }],
    paths: Object.fromEntries(operations.map((operation) => [operation.path, { get: operationObject(operation) }])),
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(Object.entries(statusNames).map(([status, description]) => [status, { description, content: jsonContent(ref('Error')) }])),
    },
  }
}

const compressed = (text: string) => brotliCompressSync(text).toString('base64')

/**
 * The module the public API serves the document and its page (docs-page.ts) from, both written here: brotli-compressed
 * and base64'd, ~7 KB in the Lambda's bundle where the JSON alone would be ~30 KB (the item's five types make most of
 * it) and the page's renderer another ~3 KB.
 */
export const documentModulePath = fileURLToPath(new URL('./document.ts', import.meta.url))
export async function documentModule() {
  const document = openApiDocument()
  const page = String(await docsPage(document, openApiPath))
  return [
    '// Generated by `npx tsx functions/openapi/generate.ts` from operations.ts; tests/functions/openapi fails while it is stale.',
    `export const openApiBrotliBase64 =\n  '${compressed(JSON.stringify(document))}'`,
    `export const docsPageBrotliBase64 =\n  '${compressed(page)}'`,
    '',
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(documentModulePath, await documentModule())
