import { useState } from 'preact/hooks'
import type { ListedMedia } from '../api/types.ts'
import { Link } from '../components/common.tsx'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { usersOf } from './in-use.ts'
import { libraryText } from './library-text.ts'

type Users = Awaited<ReturnType<typeof usersOf>>

/**
 * «Brukt i 3 saker» on a library card, and «Vis hvor»: a disclosure (aria-expanded) that asks for the items only when
 * opened, so the listing itself stays one read for all its counts. `complete` false: the counts are "at least".
 */
export function MediaUse({ media, complete }: { media: ListedMedia; complete: boolean }) {
  const { tenant, tenantApi } = useWorkspace()
  const [open, setOpen] = useState(false)
  const [users, setUsers] = useState<Users | 'failed'>()
  const listId = `media-use-${media.id}`
  const toggle = () => {
    setOpen(!open)
    if (open || (users && users !== 'failed')) return
    setUsers(undefined)
    usersOf(tenantApi, media.id).then(setUsers, () => setUsers('failed'))
  }
  return (
    <div class="media-card-use">
      <p class="muted">{libraryText.useCount(media.useCount, complete)}</p>
      {(media.useCount > 0 || !complete) && (
        <>
          <button type="button" class="button button-quiet" aria-expanded={open} aria-controls={listId} onClick={toggle}>
            {libraryText.showWhere}
            <span class="visually-hidden"> {media.title ?? media.filename}</span>
          </button>
          <div id={listId} hidden={!open}>
            {open && (users === 'failed' ? <p class="field-error">{libraryText.whereFailed}</p> : users ? <UserList tenant={tenant.id} users={users} /> : <p class="muted" role="status">{libraryText.findingWhere}</p>)}
          </div>
        </>
      )}
    </div>
  )
}

function UserList({ tenant, users }: { tenant: string; users: Users }) {
  if (!users.items.length && !users.otherEditions && !users.more) return <p class="muted">{libraryText.noLongerUsed}</p>
  return (
    <ul class="media-card-users">
      {users.items.map((item) => (
        <li key={item.id}>
          <Link href={paths.item(tenant, item.id)}>{item.title}</Link>
        </li>
      ))}
      {users.otherEditions > 0 && <li>{libraryText.inOtherEditions(users.otherEditions)}</li>}
      {users.more > 0 && <li>{libraryText.moreItems(users.more)}</li>}
    </ul>
  )
}
