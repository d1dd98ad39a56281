import type { ComponentChildren } from 'preact'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { t } from '../text.ts'
import { Alert, Link, PageTitle } from './common.tsx'

/**
 * A view that could not be shown (the item is gone, no access, the server failed): a heading that says what could
 * not be opened and names the tab (WCAG 2.4.2), the reason, and a way back to the edition's list (issue 17).
 */
export function Refused({ view, children }: { view: keyof typeof t.refusedTitle; children: ComponentChildren }) {
  const { tenant } = useWorkspace()
  const title = t.refusedTitle[view]
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert>{children}</Alert>
      <p>
        <Link href={paths.items(tenant.id)}>{t.backToItems}</Link>
      </p>
    </>
  )
}
