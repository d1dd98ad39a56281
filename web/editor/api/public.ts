/** The public API as readers see it (CDN-cached), read by the workspace where it shows other editions' work. */
export async function readPublic(path: string): Promise<unknown> {
  const response = await fetch(path, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return response.json()
}

export interface EditionName {
  id: string
  name: string
}

/** The live editions' names (editors know «Kompetansebroen Østfold», not «ostfold»); none when they cannot be read. */
export const readEditionNames = (read: (path: string) => Promise<unknown> = readPublic): Promise<EditionName[]> =>
  (read('/api/v1/editions') as Promise<{ items: EditionName[] }>).then((body) => body.items).catch(() => [])

/** An edition's name, or its id when the list lacks it (hidden since, or not read). */
export const editionNameIn = (editions: EditionName[], id: string) => editions.find((edition) => edition.id === id)?.name ?? id
