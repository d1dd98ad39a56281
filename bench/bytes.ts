import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { AssetManifest } from '../web/assets.ts'
import { get } from './http.ts'
import type { BenchPage, PageKey } from './pages.ts'

export interface Transfer {
  url: string
  raw: number
  gzip: number
}

export interface PageBytes {
  html: Transfer
  css: Transfer[]
  js: Transfer[]
  /** HTML + CSS + JS as sent gzip-compressed: what a first visit costs, media excluded. */
  totalGzip: number
  totalRaw: number
}

const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]

/** Stylesheets and module scripts a page loads on its own (media and inline JSON-LD are not counted). */
export function pageAssets(html: string): { css: string[]; js: string[] } {
  const css = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'rel') === 'stylesheet')
    .map((tag) => attribute(tag, 'href'))
  const js = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'src') !== undefined && attribute(tag, 'type') !== 'application/ld+json')
    .map((tag) => attribute(tag, 'src'))
  const modulePreloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'rel') === 'modulepreload')
    .map((tag) => attribute(tag, 'href'))
  return {
    css: [...new Set(css.filter((href): href is string => !!href))],
    js: [...new Set([...js, ...modulePreloads].filter((src): src is string => !!src))],
  }
}

/** Static imports of an esbuild ESM chunk (`import{a}from"./chunk-X.js"`, `import"./chunk-Y.js"`), resolved against its URL. */
export function staticImports(source: string, base: string): string[] {
  const found = [...source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map(([, path]) => new URL(path!, base).href)
  return [...new Set(found)]
}

async function transfer(url: string): Promise<{ transfer: Transfer; text: string }> {
  const plain = await get(url)
  if (plain.status !== 200) throw new Error(`GET ${url} answered ${plain.status}`)
  const compressed = await get(url, { 'accept-encoding': 'gzip' })
  if (compressed.status !== 200) throw new Error(`GET ${url} (gzip) answered ${compressed.status}`)
  const gzip = compressed.headers['content-encoding'] === 'gzip' ? compressed.body.length : plain.body.length
  return { transfer: { url, raw: plain.body.length, gzip }, text: plain.body.toString('utf8') }
}

/**
 * Bytes per page as the local router (CloudFront's stand-in) sends them, with and without gzip: the HTML,
 * its stylesheets, and its module scripts with every chunk they import statically.
 */
export async function measureBytes(routerUrl: string, pages: BenchPage[]): Promise<Record<PageKey, PageBytes>> {
  const result = {} as Record<PageKey, PageBytes>
  for (const page of pages) {
    const html = await transfer(routerUrl + page.path)
    const assets = pageAssets(html.text)
    const css: Transfer[] = []
    for (const href of assets.css) css.push((await transfer(new URL(href, routerUrl).href)).transfer)
    const js: Transfer[] = []
    const queue = assets.js.map((src) => new URL(src, routerUrl).href)
    const seen = new Set<string>()
    for (let url = queue.shift(); url; url = queue.shift()) {
      if (seen.has(url)) continue
      seen.add(url)
      const script = await transfer(url)
      js.push(script.transfer)
      queue.push(...staticImports(script.text, url))
    }
    const all = [html.transfer, ...css, ...js]
    result[page.key] = {
      html: html.transfer,
      css,
      js,
      totalGzip: all.reduce((sum, item) => sum + item.gzip, 0),
      totalRaw: all.reduce((sum, item) => sum + item.raw, 0),
    }
  }
  return result
}

export interface BuiltJs {
  files: Array<{ file: string; raw: number; gzip: number }>
  raw: number
  gzip: number
}

/**
 * All reader JavaScript in the built output: every island and shared chunk, without the editor workspace
 * (loaded only under /redaktor), gzip level 9 as tests/web/budgets.test.ts counts it. What a reader would
 * download if every island loaded at once.
 */
export function builtReaderJs(assetsDir: string, manifest: AssetManifest): BuiltJs {
  const editorFiles = new Set(Object.entries(manifest).filter(([name]) => name.startsWith('editor.')).map(([, path]) => path.replace('/assets/', '')))
  const files = readdirSync(assetsDir)
    .filter((file) => file.endsWith('.js') && !editorFiles.has(file))
    .map((file) => {
      const code = readFileSync(join(assetsDir, file))
      return { file, raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
    })
  return { files, raw: files.reduce((sum, file) => sum + file.raw, 0), gzip: files.reduce((sum, file) => sum + file.gzip, 0) }
}
