import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { ApiClient } from './api/client.ts'
import type { TenantApi } from './api/endpoints.ts'
import type { Me, Topic } from './api/types.ts'

/** What every view of a signed-in workspace needs: the API for the chosen tenant, who is signed in, topics. */
export interface Workspace {
  api: ApiClient
  me: Me
  tenant: { id: string; name: string }
  tenantApi: TenantApi
  topics: Topic[]
  /** Says something in the page's polite live region ("Lagret kl. 10.42."). */
  announce: (text: string) => void
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined)

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (!workspace) throw new Error('useWorkspace outside a signed-in workspace')
  return workspace
}
