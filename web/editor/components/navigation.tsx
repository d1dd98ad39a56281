import { paths } from '../routes.ts'
import { Link, PageTitle } from './common.tsx'

/** A menu entry that says which page is shown (aria-current), for the main menu and the admin area's. */
export function MenuLink(props: { href: string; current: boolean; children: string }) {
  return (
    <li>
      <Link href={props.href} aria-current={props.current ? 'page' : undefined}>
        {props.children}
      </Link>
    </li>
  )
}

/** A page that only says something (not found, no access): its h1 names the tab, and a way back to the start. */
export function MessagePage(props: { title: string; text: string; back: string }) {
  return (
    <>
      <PageTitle>{props.title}</PageTitle>
      <p>{props.text}</p>
      <p>
        <Link href={paths.home()}>{props.back}</Link>
      </p>
    </>
  )
}
