import type { Db } from '../shared/db.ts'
import { participantPrefix, seatsSk, signupPk } from './keys.ts'
import type { Participant, SignupList } from './model.ts'
import { seatsOf } from './signups.ts'

/*
 * The organisers' side (the owning edition's editors, through the editor API's tenant guard): every sign-up of one
 * event, read from its own partition, and closing or reopening sign-up. The tenant is part of the partition key, so
 * no id from another edition can reach its participants.
 */
export function createOrganiserSignups(db: Db) {
  return {
    async list(tenant: string, eventId: string): Promise<SignupList> {
      const pk = signupPk(tenant, eventId)
      const participants: Participant[] = []
      let cursor: string | undefined
      // One event's sign-ups: a few hundred records at most, in pages of 500.
      do {
        const page = await db.query<Participant & { PK?: string; SK?: string }>({ partitionKey: { name: 'PK', value: pk }, sortKeyPrefix: { name: 'SK', value: participantPrefix }, limit: 500, cursor })
        participants.push(...page.items.map(({ PK: _pk, SK: _sk, ...participant }) => participant))
        cursor = page.nextCursor
      } while (cursor)
      const seats = seatsOf(await db.get({ PK: pk, SK: seatsSk }, { consistent: true }))
      const bySignup = (a: Participant, b: Participant) => a.signedUpAt.localeCompare(b.signedUpAt)
      return {
        seats,
        confirmed: participants.filter((participant) => participant.status === 'confirmed').sort(bySignup),
        waiting: participants.filter((participant) => participant.status === 'waiting').sort((a, b) => (a.waitKey ?? '').localeCompare(b.waitKey ?? '')),
      }
    },

    /** Closes (or reopens) sign-up; the seat count's record holds the flag every sign-up's condition reads. */
    async setClosed(tenant: string, eventId: string, closed: boolean, expiresAt: number): Promise<void> {
      await db.transact([
        {
          Update: {
            Key: { PK: signupPk(tenant, eventId), SK: seatsSk },
            UpdateExpression: 'SET #closed = :closed, expiresAt = if_not_exists(expiresAt, :expires)',
            ExpressionAttributeNames: { '#closed': 'closed' },
            ExpressionAttributeValues: { ':closed': closed, ':expires': expiresAt },
          },
        },
      ])
    },
  }
}
export type OrganiserSignups = ReturnType<typeof createOrganiserSignups>
