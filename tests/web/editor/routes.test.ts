import { describe, expect, it } from 'vitest'
import { parseRoute, paths } from '../../../web/editor/routes.ts'

describe('workspace routes', () => {
  it('reads every address the workspace makes', () => {
    const id = '01JD3Z6V8Q7W2K4M5N6P7R8S9T'
    expect(parseRoute('/redaktor/', '')).toEqual({ name: 'home' })
    expect(parseRoute('/redaktor', '')).toEqual({ name: 'home' })
    expect(parseRoute('/redaktor/innlandet/elementer', '?status=draft&type=film&q=dem&topic=demens&x=1')).toEqual({
      name: 'items',
      tenant: 'innlandet',
      filter: { status: 'draft', type: 'film', q: 'dem', topic: 'demens' },
    })
    expect(parseRoute('/redaktor/innlandet/elementer', '?status=secret')).toEqual({ name: 'items', tenant: 'innlandet', filter: {} })
    expect(parseRoute('/redaktor/innlandet/elementer/ny', '?type=podkast')).toEqual({ name: 'new', tenant: 'innlandet', type: 'podkast' })
    expect(parseRoute('/redaktor/innlandet/elementer/ny', '?type=blogg')).toEqual({ name: 'notFound' })
    expect(parseRoute(`/redaktor/innlandet/elementer/${id}`, '')).toEqual({ name: 'item', tenant: 'innlandet', id })
    expect(parseRoute(`/redaktor/innlandet/elementer/${id}/historikk`, '')).toEqual({ name: 'history', tenant: 'innlandet', id })
    expect(parseRoute(`/redaktor/innlandet/elementer/${id}/eksamen`, '')).toEqual({ name: 'exam', tenant: 'innlandet', id })
    expect(parseRoute(paths.exam('innlandet', id), '')).toEqual({ name: 'exam', tenant: 'innlandet', id })
    expect(parseRoute('/redaktor/innlandet/media', '')).toEqual({ name: 'media', tenant: 'innlandet' })
    expect(parseRoute('/redaktor/innlandet/delt', '')).toEqual({ name: 'shared', tenant: 'innlandet' })
    expect(parseRoute('/redaktor/innlandet/statistikk', '')).toEqual({ name: 'statistics', tenant: 'innlandet' })
    expect(parseRoute('/redaktor/innlandet/statistikk/x', '')).toEqual({ name: 'notFound' })
    expect(parseRoute('/redaktor/innlandet/noe-annet', '')).toEqual({ name: 'notFound' })
  })

  it('writes addresses that read back the same', () => {
    const url = new URL(paths.items('vestfold', { status: 'published', q: 'sår' }), 'http://x')
    expect(parseRoute(url.pathname, url.search)).toEqual({ name: 'items', tenant: 'vestfold', filter: { status: 'published', q: 'sår' } })
    expect(paths.newItem('vestfold', 'film')).toBe('/redaktor/vestfold/elementer/ny?type=film')
  })
})
