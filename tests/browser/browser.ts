import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { startLocalSystem, type LocalSystem } from '../../infra/local/system.ts'
import { copyDemoContent } from '../support/demo-template.ts'

/** Debian's Chromium (installed by .ci/run). A missing browser fails the run; it never skips. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without the background-networking flags Chromium keeps calling home, which this machine refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** The full local system (router, site, API, seeded demo content) on a free loopback port. */
export async function startSeededSystem(name: string): Promise<LocalSystem> {
  const { dynamodbEndpoint } = inject('emulators')
  return startLocalSystem({
    port: 0,
    // The shared DynamoDB Local, but an s3rver of the system's own: the shared one runs in the global setup's
    // process, and only an s3rver in this process can hand uploads to the media worker as S3 would.
    endpoints: { dynamodb: dynamodbEndpoint },
    namePrefix: `browser-${name}-${Date.now().toString(36)}`,
    // The demo content seeded once per test run, copied in: what a fresh `npm start` seeds, without seeding it again.
    seed: ({ services, s3Dir }) => copyDemoContent(services, s3Dir).then(() => undefined),
    watch: false,
  })
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; failureSummary?: string }>
}

/** Runs axe-core with the WCAG 2.1 A/AA rule sets (plus best practices) on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath })
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target: target as string[], failureSummary })),
    }))
  })
}

/** A readable summary for a failed expectation. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)

/**
 * axe 0 and reflow at 320 px for a page a context without JavaScript reached (a form post's answer): axe runs as a
 * script, so in a context of its own with JavaScript on, on the same HTML at the same address.
 */
export async function expectAxeCleanAt320(browser: Browser, page: Page) {
  const html = await page.content()
  const checker = await browser.newContext({ bypassCSP: true, locale: 'nb-NO' })
  const probe = await checker.newPage()
  await probe.setViewportSize({ width: 320, height: 800 })
  await probe.goto(page.url())
  await probe.setContent(html, { waitUntil: 'domcontentloaded' })
  const violations = describeViolations(await axeViolations(probe))
  const overflow = await probe.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
  await checker.close()
  expect(violations).toEqual([])
  expect(overflow, 'reflows at 320 px').toBe(false)
}
