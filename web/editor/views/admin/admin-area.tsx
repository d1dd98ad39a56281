import type { ApiClient } from '../../api/client.ts'
import type { Me } from '../../api/types.ts'
import { MenuLink, MessagePage } from '../../components/navigation.tsx'
import { paths, type Route } from '../../routes.ts'
import { adminText as t } from './admin-text.ts'
import { EditionEditor } from './edition-form.tsx'
import { EditionsView } from './editions.tsx'
import { EditorsView } from './editors.tsx'
import { TopicsView } from './topics.tsx'

/** What the admin screens need: they belong to no edition, so they get this instead of the edition's context. */
export interface AdminProps {
  api: ApiClient
  me: Me
  announce: (text: string) => void
}

export type AdminRoute = Extract<Route, { name: `admin${string}` }>
export const isAdminRoute = (route: Route): route is AdminRoute => route.name.startsWith('admin')

/**
 * `/redaktor/admin/…` (issue 17): editions, topic areas and editor accounts for admins. Others are told plainly
 * that they have no access; the API refuses them anyway (403), so this is a courtesy, not the guard.
 */
export function AdminArea({ route, admin }: { route: AdminRoute; admin: AdminProps }) {
  if (!admin.me.isAdmin) return <NoAccess />
  return (
    <>
      <nav aria-label={t.menu} class="subnav">
        <ul>
          <MenuLink href={paths.adminEditions()} current={route.name === 'adminEditions' || route.name === 'adminEdition'}>
            {t.editions}
          </MenuLink>
          <MenuLink href={paths.adminTopics()} current={route.name === 'adminTopics'}>
            {t.topics}
          </MenuLink>
          <MenuLink href={paths.adminEditors()} current={route.name === 'adminEditors'}>
            {t.editors}
          </MenuLink>
        </ul>
      </nav>
      <AdminView route={route} admin={admin} />
    </>
  )
}

function AdminView({ route, admin }: { route: AdminRoute; admin: AdminProps }) {
  switch (route.name) {
    case 'adminEdition':
      return <EditionEditor admin={admin} id={route.id} />
    case 'adminTopics':
      return <TopicsView admin={admin} />
    case 'adminEditors':
      return <EditorsView admin={admin} />
    default:
      return <EditionsView admin={admin} />
  }
}

export function NoAccess() {
  return <MessagePage title={t.noAccessTitle} text={t.noAccess} back={t.backHome} />
}
