/*
 * Keys of partners' calendar subscriptions in the content table (docs/data-model.md): one partition per edition, so
 * an edition's editors reach only their own subscriptions and the scheduler reads each edition's with one Query.
 */
export const partnerFeedPk = (tenant: string) => `PARTNERFEED#${tenant}`
export const feedPrefix = 'FEED#'
export const feedSk = (feedId: string) => `${feedPrefix}${feedId}`
/** One source event of a feed, by the hash of its UID (UIDs are up to 500 characters of anything). */
export const sourcePrefix = (feedId: string) => `SRC#${feedId}#`
export const sourceSk = (feedId: string, uidHash: string) => `${sourcePrefix(feedId)}${uidHash}`
