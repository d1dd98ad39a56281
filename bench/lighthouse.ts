import type { BenchPage, PageKey } from './pages.ts'

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type LighthouseCategory = (typeof lighthouseCategories)[number]

export interface LighthouseScores {
  url: string
  /** 0–100 per category, as Lighthouse shows them. */
  scores: Record<LighthouseCategory, number>
  /** Lab metrics behind the performance score, in ms (CLS unitless). */
  metrics: Record<string, number>
  /** Audits that did not pass, so a score below 100 says why. */
  failedAudits: Array<{ id: string; category: LighthouseCategory; score: number | null; title: string }>
  lighthouseVersion: string
}

// Lighthouse's and chrome-launcher's own types pull in a large part of their internals; these few fields are
// all we read.
type RunLighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: { lighthouseVersion: string; categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>; audits: Record<string, { score: number | null; title: string; numericValue?: number; scoreDisplayMode: string }>; runtimeError?: { message: string } } } | undefined>
type LaunchChrome = (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill(): void | Promise<void> }>

const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const metricAudits = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']

/**
 * Lighthouse's default run (mobile form factor, simulated throttling) against Debian's Chromium, once per
 * page, one Chromium for all of them.
 */
export async function measureLighthouse(routerUrl: string, pages: BenchPage[], chromePath = '/usr/bin/chromium'): Promise<Record<PageKey, LighthouseScores>> {
  const lighthouse = ((await import('lighthouse')) as unknown as { default: RunLighthouse }).default
  const { launch } = (await import('chrome-launcher')) as unknown as { launch: LaunchChrome }
  const chrome = await launch({ chromePath, chromeFlags })
  try {
    const result = {} as Record<PageKey, LighthouseScores>
    for (const page of pages) {
      const url = routerUrl + page.path
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...lighthouseCategories] })
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`)
      const { lhr } = run
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`)
      const scores = {} as Record<LighthouseCategory, number>
      const failedAudits: LighthouseScores['failedAudits'] = []
      for (const category of lighthouseCategories) {
        const entry = lhr.categories[category]
        if (!entry || entry.score === null) throw new Error(`Lighthouse gave no ${category} score for ${url}`)
        scores[category] = Math.round(entry.score * 100)
        for (const ref of entry.auditRefs) {
          const audit = lhr.audits[ref.id]
          if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
            failedAudits.push({ id: ref.id, category, score: audit.score, title: audit.title })
        }
      }
      const metrics = Object.fromEntries(metricAudits.flatMap((id) => (lhr.audits[id]?.numericValue !== undefined ? [[id, lhr.audits[id]!.numericValue!]] : [])))
      result[page.key] = { url, scores, metrics, failedAudits, lighthouseVersion: lhr.lighthouseVersion }
    }
    return result
  } finally {
    await chrome.kill()
  }
}
