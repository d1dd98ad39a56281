import { renderToString } from 'preact-render-to-string'
import { itemPath } from '../../functions/content/paths.ts'
import type { PublishedItem } from '../../functions/content/schema.ts'
import type { Catalog } from '../../functions/tenants/catalog.ts'
import type { AssetManifest } from '../assets.ts'
import { CoursePage } from './pages/course-page.tsx'
import { ItemPage } from './pages/item.tsx'

/**
 * A working copy rendered by the very page component readers get, for the editor's preview. The page is
 * marked noindex by the API's headers and never cached.
 */
export function renderItemPreview(props: { item: PublishedItem; catalog: Catalog; origin: string; assets: AssetManifest; now: Date }): string {
  // The editor's preview: a hidden edition's item too (issue 17), as it will look once the edition goes live.
  const owner = props.catalog.anyTenant(props.item.tenant)
  if (!owner) throw new Error(`Unknown tenant ${props.item.tenant}`)
  const path = itemPath(props.item)
  const ctx = { catalog: props.catalog, edition: owner, origin: props.origin, path, assets: props.assets }
  // Courses have a page of their own (web/site/routes/courses.tsx); the preview shows the course page without its
  // lesson outline, which the course builder edits apart from the item.
  const page = props.item.type === 'e-kurs' ? <CoursePage ctx={ctx} item={props.item} owner={owner} /> : <ItemPage ctx={ctx} item={props.item} owner={owner} now={props.now} />
  return `<!doctype html>${renderToString(page)}`
}
