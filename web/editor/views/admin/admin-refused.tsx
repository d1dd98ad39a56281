import { Alert, Link, PageTitle } from '../../components/common.tsx'
import { paths } from '../../routes.ts'
import { adminText as t } from './admin-text.ts'

/** An admin screen that could not be read: a heading naming the tab (WCAG 2.4.2), the reason in bokmål, a way back. */
export function AdminRefused({ problem }: { problem: string }) {
  return (
    <>
      <PageTitle>{t.refusedTitle}</PageTitle>
      <Alert>{problem}</Alert>
      <p>
        <Link href={paths.adminEditions()}>{t.cancel}</Link>
      </p>
    </>
  )
}
