import { describe, expect, it } from 'vitest'
import { episodePath, itemPath, podcastFeedPath } from '../../../functions/content/paths.ts'
import { itemPath as schemaItemPath } from '../../../functions/content/schema.ts'
import { paths } from '../../../web/site/paths.ts'

describe('the one builder of an item path', () => {
  const series = { tenant: 'vestfold', type: 'podkast', slug: 'helse-i-lomma' } as const

  it('builds the canonical address, its episodes and its feed', () => {
    expect(itemPath({ tenant: 'innlandet', type: 'artikler', slug: 'sar' })).toBe('/innlandet/artikler/sar')
    expect(episodePath(series, 'episode-1')).toBe('/vestfold/podkast/helse-i-lomma/episode-1')
    expect(podcastFeedPath(series)).toBe('/vestfold/podkast/helse-i-lomma/feed.xml')
  })

  it('is the very function the schema (for the workspace) and the site use', () => {
    expect(schemaItemPath).toBe(itemPath)
    expect(paths.item).toBe(itemPath)
    expect(paths.itemIn(series, 'innlandet')).toBe('/vestfold/podkast/helse-i-lomma?omrade=innlandet')
    expect(paths.itemIn(series, 'vestfold')).toBe('/vestfold/podkast/helse-i-lomma')
  })
})
