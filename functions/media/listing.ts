/**
 * What the media library's listing may be asked for (library.ts applies it). No imports, so the workspace offers
 * exactly these choices without bundling server code.
 */

/** newest/oldest follow the sort key (ids are ULIDs, so time-ordered); name and size are ordered in code. */
export const mediaSorts = ['newest', 'oldest', 'name', 'size'] as const
export type MediaSort = (typeof mediaSorts)[number]

/**
 * What an editor filters by: a verdict, or "not yet" (pending or processing are one state to them: the file is
 * on its way and cannot be used yet).
 */
export const mediaStatusFilters = ['ready', 'processing', 'refused'] as const
export type MediaStatusFilter = (typeof mediaStatusFilters)[number]

/** Whether any item uses the file: «I bruk» / «Ikke i bruk», so unused files can be found and cleared out. */
export const mediaUsageFilters = ['used', 'unused'] as const
export type MediaUsageFilter = (typeof mediaUsageFilters)[number]
