import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { demoPassword } from '../../../infra/local/demo-editors.ts'
import { encodePng } from '../../../infra/local/seed/png.ts'

/** Signs in through the real flow: the workspace's button, the local identity provider's form, the PKCE callback. */
export async function signIn(page: Page, origin: string, username: string, path = '/redaktor/') {
  await page.goto(`${origin}${path}`)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL(/\/dev-auth\/oauth2\/authorize/)
  await page.fill('#username', username)
  await page.fill('#password', demoPassword)
  await page.getByRole('button', { name: 'Logg inn' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/redaktor/') && !url.searchParams.has('code'))
}

/** A noisy PNG (about 1.4 MB at 800×600), big enough for the upload to report progress along the way. */
export function noisyPng(width = 800, height = 600): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kb-editor-')), 'sykepleier.png')
  writeFileSync(file, encodePng(width, height, new Uint8Array(randomBytes(width * height * 3))))
  return file
}

/** Every write the workspace sends to the API, to check each one carries the body's SHA-256. */
export function recordApiWrites(context: BrowserContext): Request[] {
  const writes: Request[] = []
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/') && ['POST', 'PUT', 'PATCH'].includes(request.method())) writes.push(request)
  })
  return writes
}

/** The id of the item open in the editor, from the address bar. */
export const itemIdFrom = (page: Page) => /\/elementer\/([0-9A-Z]{26})/.exec(page.url())?.[1]
