import { describe, expect, it } from 'vitest'
import { isOfflinePage, isOfflineResource } from '../../../web/islands/offline/saved.ts'

/**
 * Issue 14: the service worker and the save buttons keep only reader pages, assets and uploads. An allow-list, so a
 * page with a reader's answers or name, the workspace or an API answer can never reach the cache.
 */
describe('what may be saved for use without a network', () => {
  it.each(['/mine', '/akershus/artikler/demens-og-ernaering', '/vestfold/podkast/sykepleiepodden/om-sovn', '/innlandet/e-kurs/legemiddelhandtering', '/innlandet/e-kurs/legemiddelhandtering/leksjon/12', '/ostfold/film/handvask', '/nasjonal/arrangementer/fagdag'])(
    'saves the reader page %s',
    (path) => expect(isOfflinePage(path)).toBe(true),
  )

  it.each([
    '/redaktor',
    '/redaktor/artikler/x',
    '/redaktor/akershus/elementer/01J',
    '/api/v1/cards',
    '/api/editor/tenants/akershus/items',
    '/api/v1/items/akershus/artikler/x',
    '/innlandet/e-kurs/legemiddelhandtering/eksamen',
    '/innlandet/e-kurs/legemiddelhandtering/eksamen/01JATTEMPT',
    '/innlandet/e-kurs/legemiddelhandtering/eksamen/01JATTEMPT/resultat',
    '/ostfold/e-kurs/handhygiene/scorm/01JATTEMPT',
    '/kursbevis/ABCD-1234',
    '/akershus/arrangementer/fagdag/pamelding',
    '/avmelding/token',
    '/mine-kurs',
    '/akershus/artikler/x/y',
    '/akershus/e-kurs/x/leksjon/0',
    '/sok',
    '/dev-auth/login',
  ])('never saves %s', (path) => expect(isOfflinePage(path)).toBe(false))

  it('keeps assets and uploads, nothing else, as a saved page needs them', () => {
    expect(isOfflineResource('/assets/site-ABC.css')).toBe(true)
    expect(isOfflineResource('/media/tenants/akershus/media/01J/lyd.mp3')).toBe(true)
    expect(isOfflineResource('/api/v1/cards')).toBe(false)
    expect(isOfflineResource('/redaktor/assets/x.js')).toBe(false)
  })
})
