/*
 * Keys of the regional newsletter in the content table (docs/data-model.md). Every newsletter record lives in a
 * partition starting with `NEWSLETTER`, so the roles that write them can be confined to those partitions
 * (infra/stacks/grants.ts), never an edition's content.
 */

/** An edition's subscribers (`SUB#`) and its issues (`ISSUE#`). */
export const newsletterPk = (tenant: string) => `NEWSLETTER#${tenant}`
/** A subscriber, keyed by the hash of the normalised e-mail, so a second sign-up meets the first. */
export const subscriberSk = (emailHash: string) => `SUB#${emailHash}`
export const subscriberPrefix = 'SUB#'
export const issueSk = (issueId: string) => `ISSUE#${issueId}`
export const issuePrefix = 'ISSUE#'
/** Issues waiting to be sent, by due time, in one small partition the scheduler queries up to now. */
export const duePk = 'NEWSLETTERDUE'
export const dueSk = (sendAt: string, tenant: string, issueId: string) => `${sendAt}#${tenant}#${issueId}`
/** One issue's send log: a marker per subscriber it was sent to, so a resumed or repeated run never sends twice. */
export const sentPk = (tenant: string, issueId: string) => `NEWSLETTERSENT#${tenant}#${issueId}`
/** A link's token (confirmation, or the preferences/unsubscribe link in every mail), stored only as its SHA-256. */
export const tokenPk = (tokenHash: string) => `NEWSLETTERTOKEN#${tokenHash}`
export const tokenSk = 'TOKEN'
/** At most one confirmation mail per address per interval, across editions (a conditional put). */
export const limitPk = (emailHash: string) => `NEWSLETTERLIMIT#${emailHash}`
export const limitSk = 'LIMIT'
/** An address that bounced or complained: no newsletter mail goes there again. */
export const suppressedPk = (emailHash: string) => `NEWSLETTERSUPPRESSED#${emailHash}`
export const suppressedSk = 'SUPPRESSED'

/** Every partition above starts with this: the IAM condition's prefix. */
export const newsletterRecordPrefixes = ['NEWSLETTER'] as const
