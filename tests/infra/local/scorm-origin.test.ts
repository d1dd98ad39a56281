import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../functions/media/import.ts'
import { scormPrefix } from '../../../functions/media/keys.ts'
import { scormContentSecurityPolicy } from '../../../infra/definitions.ts'
import { createLocalRouter } from '../../../infra/local/router.ts'
import { createScormRouter } from '../../../infra/local/scorm-router.ts'
import { createSiteApp } from '../../../web/site/app.tsx'
import { createTestEnvironment } from '../../support/environment.ts'
import { seedCatalog } from '../../support/fixtures.ts'
import { goodPackage } from '../../support/scorm-zips.ts'

const siteOrigin = 'http://127.0.0.1:3000'
const scormOrigin = 'http://127.0.0.1:3001'
const mediaId = '01JD5Z6E2X7Q8R9S0T1V2W3X4Y'

/**
 * A good package, put in the library through the media worker's own path, is served from the SCORM origin with
 * the packages' CSP, and from the site's origin not at all: neither under /media/ nor anywhere else.
 */
describe('SCORM packages on their own origin', () => {
  let scorm: ReturnType<typeof createScormRouter>
  let site: ReturnType<typeof createLocalRouter>
  const assetsDir = mkdtempSync(join(tmpdir(), 'kb-scorm-assets-'))
  beforeAll(async () => {
    const { services, config } = await createTestEnvironment('scorm-origin')
    await seedCatalog(services, ['nasjonal', 'innlandet'])
    const bytes = await goodPackage()
    const record = await importFile({ s3: services.clients.s3, bucket: config.mediaBucket, db: services.db }, {
      tenant: 'innlandet',
      id: mediaId,
      filename: 'kurs.zip',
      contentType: 'application/zip',
      body: () => bytes,
      createdBy: 'test',
    })
    expect(record.scorm?.launch).toBe('index.html')
    writeFileSync(join(assetsDir, 'scorm-player-12-TEST.html'), '<!doctype html><title>Spiller</title>')
    writeFileSync(join(assetsDir, 'site-TEST.css'), 'body{}')
    scorm = createScormRouter({ s3: services.clients.s3, mediaBucket: config.mediaBucket, assetsDir, siteOrigin })
    const stub = { fetch: () => new Response('Not found', { status: 404 }) }
    const apis = { publicApi: stub, exams: stub, search: stub, editorApi: stub }
    site = createLocalRouter({ ...apis, site: createSiteApp(services, { assets: () => ({}) }), s3: services.clients.s3, mediaBucket: config.mediaBucket, assetsDir, scormOrigin })
  })
  afterAll(() => rmSync(assetsDir, { recursive: true, force: true }))

  const packagePage = `/${scormPrefix('innlandet', mediaId)}index.html`

  it('serves the launch page from the SCORM origin with the packages’ CSP and no X-Frame-Options', async () => {
    const response = await scorm.request(packagePage)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('<p>Hei</p>')
    expect(response.headers.get('content-security-policy')).toBe(scormContentSecurityPolicy(siteOrigin))
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${siteOrigin}`)
    expect(response.headers.get('x-frame-options')).toBeNull()
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('does not serve the package from the site’s origin, under /media/ or as it is, and lets the site frame exactly the SCORM origin', async () => {
    for (const path of [`/media${packagePage}`, packagePage]) {
      const response = await site.request(path)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('<p>Hei</p>')
    }
    const page = await site.request('/')
    expect(page.headers.get('content-security-policy')).toMatch(new RegExp(`frame-src https://www\\.youtube-nocookie\\.com https://player\\.vimeo\\.com ${scormOrigin.replace(/[.:/]/g, '\\$&')};`))
  })

  it('serves the player from the build, and nothing else: not the uploaded zip, other assets, staged uploads, or other methods', async () => {
    expect((await scorm.request('/assets/scorm-player-12-TEST.html')).status).toBe(200)
    expect((await scorm.request('/assets/site-TEST.css')).status).toBe(404)
    expect((await scorm.request('/tenants/innlandet/media/01JD5Z6E2X7Q8R9S0T1V2W3X4Y/kurs.zip')).status).toBe(404)
    expect((await scorm.request('/uploads/innlandet/01JD5Z6E2X7Q8R9S0T1V2W3X4Y/kurs.zip')).status).toBe(404)
    expect((await scorm.request(`${packagePage.replace('index.html', '')}%2e%2e/kurs.zip`)).status).toBe(404)
    expect((await scorm.request('/')).status).toBe(404)
    expect((await scorm.request(packagePage, { method: 'POST' })).status).toBe(405)
    // Every answer carries the packages' headers, a 404 too.
    expect((await scorm.request('/')).headers.get('content-security-policy')).toBe(scormContentSecurityPolicy(siteOrigin))
  })
})
