import { useEffect, useMemo, useState } from 'preact/hooks'
import type { ApiClient } from '../api/client.ts'
import { tenantApi } from '../api/endpoints.ts'
import type { Me, Topic } from '../api/types.ts'
import { Link, PageTitle } from '../components/common.tsx'
import { MenuLink, MessagePage } from '../components/navigation.tsx'
import { WorkspaceContext, type Workspace as WorkspaceValue } from '../context.ts'
import { mayLeave, navigate, parseRoute, paths, setLeaveGuard, useLocation, type Route } from '../routes.ts'
import { t } from '../text.ts'
import { CourseBuilder } from './course-builder.tsx'
import { CourseStatsView } from './course-stats.tsx'
import { EventSignupsView } from './event-signups.tsx'
import { NewsletterView } from './newsletter.tsx'
import { newsletterText } from './newsletter-text.ts'
import { PartnerFeedsView } from './partner-feeds.tsx'
import { partnerFeedsText } from './partner-feeds-text.ts'
import { BinView } from './bin.tsx'
import { binText } from './bin-text.ts'
import { StatisticsView } from './statistics.tsx'
import { statisticsText } from './statistics-text.ts'
import { ExamEditor } from './exam-editor.tsx'
import { HistoryView } from './history.tsx'
import { ItemEditor } from './item-editor.tsx'
import { ItemList } from './item-list.tsx'
import { MediaLibrary } from './media-library.tsx'
import { SharedItems } from './shared-items.tsx'
import { AdminArea, isAdminRoute } from './admin/admin-area.tsx'
import { adminText } from './admin/admin-text.ts'

interface Props {
  api: ApiClient
  me: Me
  topics: Topic[]
  onSignOut: () => void
}

/** The signed-in frame: header with edition and sign-out, the menu, the current view, the live region. */
export function Workspace(props: Props) {
  const { pathname, search } = useLocation()
  const route = parseRoute(pathname, search)
  const [announcement, setAnnouncement] = useState('')
  const tenantId = 'tenant' in route ? route.tenant : undefined
  const tenant = props.me.tenants.find((candidate) => candidate.id === tenantId)
  // Cleared first, so the same sentence twice ("Lagret …") is read out twice.
  const announce = (text: string) => {
    setAnnouncement('')
    setTimeout(() => setAnnouncement(text), 50)
  }

  const context = useMemo<WorkspaceValue | undefined>(
    () =>
      tenant && {
        api: props.api,
        me: props.me,
        tenant: { id: tenant.id, name: tenant.name },
        tenantApi: tenantApi(props.api, tenant.id),
        topics: props.topics,
        announce,
      },
    [props.api, tenant?.id],
  )

  useEffect(() => {
    if (route.name === 'home' && props.me.tenants.length === 1) void navigate(paths.items(props.me.tenants[0]!.id), { replace: true })
  }, [route.name])

  const signOut = async () => {
    if (!(await mayLeave())) return
    setLeaveGuard(undefined)
    props.onSignOut()
  }

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <p class="brand-line">
            <Link href={paths.home()}>{t.appName}</Link>
            {tenant && <span class="topbar-tenant">{tenant.name}</span>}
          </p>
          <div class="topbar-user">
            {props.me.tenants.length > 1 && tenant && <TenantSwitch me={props.me} current={tenant.id} route={route} />}
            {props.me.isAdmin && (
              <Link href={paths.adminEditions()} aria-current={isAdminRoute(route) ? 'page' : undefined}>
                {adminText.nav}
              </Link>
            )}
            <span>{t.signedInAs(props.me.name)}</span>
            <button type="button" class="button button-quiet" onClick={() => void signOut()}>
              {t.signOut}
            </button>
          </div>
        </div>
        {tenant && (
          <nav aria-label={t.mainMenu} class="mainnav">
            <ul>
              <MenuLink href={paths.items(tenant.id)} current={route.name === 'items' || route.name === 'item' || route.name === 'new' || route.name === 'history' || route.name === 'lessons' || route.name === 'exam' || route.name === 'stats'}>
                {t.navItems}
              </MenuLink>
              <MenuLink href={paths.media(tenant.id)} current={route.name === 'media'}>
                {t.navMedia}
              </MenuLink>
              <MenuLink href={paths.shared(tenant.id)} current={route.name === 'shared'}>
                {t.navShared}
              </MenuLink>
              <MenuLink href={paths.statistics(tenant.id)} current={route.name === 'statistics'}>
                {statisticsText.nav}
              </MenuLink>
              <MenuLink href={paths.newsletter(tenant.id)} current={route.name === 'newsletter'}>
                {newsletterText.nav}
              </MenuLink>
              <MenuLink href={paths.partnerFeeds(tenant.id)} current={route.name === 'partnerFeeds'}>
                {partnerFeedsText.nav}
              </MenuLink>
              <MenuLink href={paths.bin(tenant.id)} current={route.name === 'bin'}>
                {binText.nav}
              </MenuLink>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} class="workspace-main">
        {isAdminRoute(route) ? (
          <AdminArea route={route} admin={{ api: props.api, me: props.me, announce }} key={pathname + search} />
        ) : context ? (
          <WorkspaceContext.Provider value={context}>
            <View route={route} key={pathname + search} />
          </WorkspaceContext.Provider>
        ) : route.name === 'home' || tenantId ? (
          <ChooseTenant me={props.me} unknown={Boolean(tenantId)} />
        ) : (
          <NotFound />
        )}
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  )
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'items':
      return <ItemList filter={route.filter} />
    case 'new':
      return <ItemEditor type={route.type} />
    case 'item':
      return <ItemEditor id={route.id} />
    case 'history':
      return <HistoryView id={route.id} />
    case 'lessons':
      return <CourseBuilder id={route.id} />
    case 'exam':
      return <ExamEditor id={route.id} />
    case 'stats':
      return <CourseStatsView id={route.id} />
    case 'signups':
      return <EventSignupsView id={route.id} />
    case 'media':
      return <MediaLibrary />
    case 'shared':
      return <SharedItems />
    case 'statistics':
      return <StatisticsView />
    case 'newsletter':
      return <NewsletterView />
    case 'partnerFeeds':
      return <PartnerFeedsView />
    case 'bin':
      return <BinView />
    default:
      return <NotFound />
  }
}

/** Moving to another edition keeps the section the editor is in. */
function TenantSwitch({ me, current, route }: { me: Me; current: string; route: Route }) {
  const [choice, setChoice] = useState(current)
  const go = (event: Event) => {
    event.preventDefault()
    void navigate(route.name === 'media' ? paths.media(choice) : route.name === 'shared' ? paths.shared(choice) : route.name === 'statistics' ? paths.statistics(choice) : route.name === 'newsletter' ? paths.newsletter(choice) : route.name === 'partnerFeeds' ? paths.partnerFeeds(choice) : route.name === 'bin' ? paths.bin(choice) : paths.items(choice))
  }
  return (
    <form class="tenant-switch" onSubmit={go}>
      <label for="tenant-switch">{t.chooseTenant}</label>
      <select id="tenant-switch" value={choice} onChange={(event) => setChoice((event.currentTarget as HTMLSelectElement).value)}>
        {me.tenants.map((tenant) => (
          <option value={tenant.id}>{tenant.name}</option>
        ))}
      </select>
      <button type="submit" class="button button-quiet">
        {t.changeTenant}
      </button>
    </form>
  )
}

function ChooseTenant({ me, unknown }: { me: Me; unknown: boolean }) {
  if (me.tenants.length === 0) return <p class="notice notice-warning">{t.noTenants}</p>
  return (
    <>
      <PageTitle>{t.chooseTenantTitle}</PageTitle>
      {unknown && <p class="notice notice-warning">{t.errorForbidden}</p>}
      <ul class="tenant-list">
        {me.tenants.map((tenant) => (
          <li>
            <Link href={paths.items(tenant.id)}>{tenant.name}</Link>
          </li>
        ))}
      </ul>
    </>
  )
}

function NotFound() {
  return <MessagePage title={t.notFoundTitle} text={t.notFoundBody} back={t.backToItems} />
}
