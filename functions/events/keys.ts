/*
 * Keys of event sign-ups in the content table (docs/data-model.md). Every record a reader's sign-up writes lives in a
 * partition starting with one of `signupRecordPrefixes`, so the events function's role can be confined to them
 * (infra/stacks/grants.ts), never an edition's content.
 */

/** One event's sign-ups: its seat count, participants and waiting list. */
export const signupPk = (tenant: string, eventId: string) => `SIGNUP#${tenant}#${eventId}`
/** The counts every sign-up and cancellation changes in the same transaction: `confirmed`, `waiting`, `capacity`, `closed`. */
export const seatsSk = 'SEATS'
/** A participant, keyed by the hash of the normalised e-mail, so a second sign-up with the same address meets the first. */
export const participantSk = (emailHash: string) => `P#${emailHash}`
export const participantPrefix = 'P#'
/** A place on the waiting list, ordered by its ULID (time of sign-up). */
export const waitSk = (waitKey: string) => `W#${waitKey}`
export const waitPrefix = 'W#'
/** A cancel link's token, stored only as its SHA-256; points at the participant. */
export const tokenPk = (tokenHash: string) => `SIGNUPTOKEN#${tokenHash}`
export const tokenSk = 'TOKEN'

/**
 * An event whose sign-ups must follow a publish (a raised capacity, a moved end or retention): written in the publish's
 * transaction, done and deleted by the scheduler (sync.ts). Not a reader's record, so not among the prefixes below.
 */
export const syncPk = 'SIGNUPSYNC'
export const syncSk = (tenant: string, eventId: string) => `${tenant}#${eventId}`

export const signupRecordPrefixes = ['SIGNUP#', 'SIGNUPTOKEN#'] as const
