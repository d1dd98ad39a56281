/** Key layout of search's records (docs/data-model.md); only this capability builds these keys. */
export { tenantPk } from '../shared/keys.ts'

/** An item's search document, in its owner's partition: `TENANT#{owner}` / `SEARCHDOC#{id}`. */
export const documentPrefix = 'SEARCHDOC#'
export const documentSk = (id: string) => `${documentPrefix}${id}`

/**
 * The change log warm search functions read to follow publishes: one record per write of a document,
 * `SEARCHLOG` / `{ISO time}#{owner}#{id}#{unique}`, gone by TTL after a day. The unique tail keeps two changes of
 * one item in the same millisecond apart (a warm loader applies each record once).
 */
export const changesPk = 'SEARCHLOG'
export const changeSk = (at: string, owner: string, id: string, unique: string) => `${at}#${owner}#${id}#${unique}`
export const CHANGE_TTL_SECONDS = 24 * 3600
