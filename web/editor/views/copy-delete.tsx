import { useState } from 'preact/hooks'
import type { StoredItem } from '../api/types.ts'
import { Alert, describeError } from '../components/common.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { useWorkspace } from '../context.ts'
import { mayLeave, navigate, paths } from '../routes.ts'
import { binText as t } from './bin-text.ts'

/**
 * «Lag kopi» and «Slett» in the item editor's publishing panel (issue 17). A copy opens at once, and the live region
 * says it is the copy that is open now; deleting asks first (the workspace's dialog), then goes back to the list.
 * A published item has no «Slett»: the API would refuse it (item_published), so the panel says why instead.
 */
export function CopyAndDelete({ item, busy }: { item: Pick<StoredItem, 'id' | 'version' | 'status'>; busy: boolean }) {
  const workspace = useWorkspace()
  // Built when asked for, not while rendering: the panel renders before (and without) any request.
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string>()
  const confirmation = useConfirm()
  const act = (action: () => Promise<void>) => {
    setWorking(true)
    setProblem(undefined)
    action()
      .catch((error) => setProblem(describeError(error)))
      .finally(() => setWorking(false))
  }
  const copy = () =>
    act(async () => {
      // The copy is of the saved version and opens at once: unsaved changes are asked about before it is made.
      if (!(await mayLeave())) return
      const made = await workspace.tenantApi.duplicate(item.id)
      await navigate(paths.item(workspace.tenant.id, made.id), { force: true })
      workspace.announce(t.copied(made.title))
    })
  const remove = async () => {
    if (!(await confirmation.ask(t.confirmDelete))) return
    act(async () => {
      await workspace.tenantApi.deleteItem(item.id, item.version)
      // The item is gone from the editor's list: nothing unsaved in it can be kept, so leave without asking.
      await navigate(paths.items(workspace.tenant.id), { force: true })
      workspace.announce(t.deleted)
    })
  }
  const disabled = busy || working
  return (
    <>
      {problem && <Alert>{problem}</Alert>}
      <button type="button" class="button" disabled={disabled} onClick={copy}>
        {t.copy}
      </button>
      {item.status === 'published' ? (
        <p class="hint">{t.deleteHint}</p>
      ) : (
        <button type="button" class="button button-danger" disabled={disabled} onClick={() => void remove()}>
          {t.delete}
        </button>
      )}
      {confirmation.dialog}
    </>
  )
}
