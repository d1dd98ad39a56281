/*
 * Key layout of the analytics records in the counters table (issue 15, docs/data-model.md). Only this capability
 * builds these keys; the analytics roles may write no other partitions there (infra/stacks/grants.ts).
 *
 * Counts: one partition per edition, month and shard, so an edition's month is read with one Query per shard and a
 * busy page never throttles; a record per day and subject: `{yyyy-mm-dd}#{kind}#{owner}#{id}` holding `views` (page
 * views of an item, kind = its content type) or `downloads` (IAB downloads and plays of a media file, kind = `media`).
 */
export const statPrefix = 'STAT#'
export const statPk = (edition: string, month: string, shard: number) => `${statPrefix}${edition}#${month}#${shard}`
export const statSk = (day: string, kind: string, owner: string, id: string) => `${day}#${kind}#${owner}#${id}`
export const parseStatSk = (sk: string) => {
  const [day = '', kind = '', owner = '', id = ''] = sk.split('#')
  return { day, kind, owner, id }
}
/** What kind of subject a download count belongs to: a media file (one episode's audio or a film). */
export const mediaKind = 'media'

/**
 * IAB listener state for one day (ip-salt.ts, iab.ts): the salt of the day, and per hashed listener (IP/64, user agent
 * and file) the bytes requested so far and whether a download was counted. Both expire two days after the day.
 */
export const listenerPrefix = 'LISTENER#'
export const listenerPk = (day: string, hash: string) => `${listenerPrefix}${day}#${hash}`
export const saltPrefix = 'SALT#'
export const saltPk = (day: string) => `${saltPrefix}${day}`
export const stateSk = 'STATE'
/** A delivered log file already counted (its S3 key), so a redelivered event does not add its bytes twice. */
export const logFilePrefix = 'LOGFILE#'
export const logFilePk = (key: string) => `${logFilePrefix}${key}`
