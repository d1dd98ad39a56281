import type { Db, TransactItem } from '../shared/db.ts'
import { emailHashOf } from '../events/signups.ts'
import { cancellationReasons, failedCondition } from '../events/retry.ts'
import type { SubscribeForm } from './form.ts'
import { limitPk, limitSk, newsletterPk, subscriberSk, suppressedPk, suppressedSk, tokenPk, tokenSk } from './keys.ts'
import type { Subscriber, SubscribeResult } from './model.ts'
import { confirmLifetimeSeconds, epochSeconds, hashOf, manageLifetimeSeconds, newToken, tokenPut, type TokenRecord } from './tokens.ts'

/** At most one confirmation (or "already subscribed") mail per address per this many seconds, across editions. */
export const signupIntervalSeconds = 10 * 60

type Row = Subscriber & { PK: string; SK: string }
const strip = ({ PK: _pk, SK: _sk, ...subscriber }: Row): Subscriber => subscriber

/*
 * The subscriber records (issue 14). A sign-up is one transaction: the address's rate-limit record (put only when
 * none is live, so no address gets more than one mail per interval however often the form is posted), a check that
 * the address was never suppressed, and the pending subscriber with its confirmation token's record. An address
 * already confirmed gets a mail with its preferences link instead, so the page can say the same in every case.
 */
export function createSubscribers(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const key = (tenant: string, emailHash: string) => ({ PK: newsletterPk(tenant), SK: subscriberSk(emailHash) })

  /** One transaction; false when a condition (or a race) cancelled it. */
  async function whenConditionsHold(writes: TransactItem[]): Promise<boolean> {
    try {
      await db.transact(writes)
      return true
    } catch (error) {
      if (cancellationReasons(error)) return false
      throw error
    }
  }

  const get = async (tenant: string, emailHash: string) => {
    const row = await db.get<Row>(key(tenant, emailHash), { consistent: true })
    return row ? strip(row) : undefined
  }

  function guards(emailHash: string): TransactItem[] {
    const at = epochSeconds(now())
    return [
      {
        Put: {
          Item: { PK: limitPk(emailHash), SK: limitSk, expiresAt: at + signupIntervalSeconds },
          // TTL deletes late, so an expired record counts as gone.
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': at },
        },
      },
      { ConditionCheck: { Key: { PK: suppressedPk(emailHash), SK: suppressedSk }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]
  }

  async function attempt(tenant: string, form: SubscribeForm, consentText: string): Promise<SubscribeResult | 'retry'> {
    const emailHash = emailHashOf(form.email)
    const existing = await get(tenant, emailHash)
    const token = newToken()
    const at = now()
    let result: SubscribeResult
    let write: TransactItem
    let purpose: TokenRecord['purpose']
    if (existing?.status === 'confirmed') {
      // Nothing changes; the mail carries a link to the preferences instead.
      result = { mail: 'already-subscribed', token, subscriber: existing }
      write = { ConditionCheck: { Key: key(tenant, emailHash), ConditionExpression: '#status = :confirmed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':confirmed': 'confirmed' } } }
      purpose = 'manage'
    } else {
      const subscriber: Subscriber = {
        tenant,
        emailHash,
        email: form.email,
        topics: form.topics,
        consentText,
        consentedAt: at.toISOString(),
        status: 'pending',
        confirmTokenHash: hashOf(token),
        expiresAt: epochSeconds(at) + confirmLifetimeSeconds,
      }
      result = { mail: 'confirm', token, subscriber }
      write = {
        Put: {
          Item: { ...key(tenant, emailHash), ...subscriber },
          // A pending sign-up is replaced (a new link, new choices); a confirmation in between is not overwritten.
          ConditionExpression: 'attribute_not_exists(PK) OR #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      }
      purpose = 'confirm'
    }
    const lifetime = purpose === 'confirm' ? confirmLifetimeSeconds : manageLifetimeSeconds
    try {
      await db.transact([...guards(emailHash), write, tokenPut(token, { purpose, tenant, emailHash, expiresAt: epochSeconds(at) + lifetime })])
      return result
    } catch (error) {
      const reasons = cancellationReasons(error)
      if (!reasons) throw error
      if (failedCondition(reasons, 0)) return { mail: 'none', reason: 'rate-limited' }
      if (failedCondition(reasons, 1)) return { mail: 'none', reason: 'suppressed' }
      if (failedCondition(reasons, 2)) return 'retry'
      throw error
    }
  }

  /** A live token's record (TTL deletes late, so an expired one counts as gone). */
  async function tokenRecord(token: string, purpose: TokenRecord['purpose']): Promise<TokenRecord | undefined> {
    const record = await db.get<TokenRecord>({ PK: tokenPk(hashOf(token)), SK: tokenSk }, { consistent: true })
    return record && record.purpose === purpose && record.expiresAt > epochSeconds(now()) ? record : undefined
  }

  return {
    get,

    async subscribe(tenant: string, form: SubscribeForm, consentText: string): Promise<SubscribeResult> {
      // A confirmation (or an unsubscribe) racing the sign-up changed the record: look again, once.
      const first = await attempt(tenant, form, consentText)
      const result = first === 'retry' ? await attempt(tenant, form, consentText) : first
      if (result === 'retry') throw Object.assign(new Error('The subscriber kept changing'), { name: 'TransactionConflictException' })
      return result
    },

    /** The unconfirmed sign-up a confirmation link belongs to, if the link is its newest and still live. */
    async pendingByToken(token: string): Promise<Subscriber | undefined> {
      const record = await tokenRecord(token, 'confirm')
      const subscriber = record ? await get(record.tenant, record.emailHash) : undefined
      return subscriber?.status === 'pending' && subscriber.confirmTokenHash === hashOf(token) ? subscriber : undefined
    },

    /** Confirms the sign-up the link belongs to: once, within 48 hours, and only with the newest link sent. */
    async confirm(token: string): Promise<Subscriber | undefined> {
      const record = await tokenRecord(token, 'confirm')
      if (!record) return undefined
      const tokenHash = hashOf(token)
      const at = now().toISOString()
      const done = await whenConditionsHold([
        {
          Update: {
            Key: key(record.tenant, record.emailHash),
            UpdateExpression: 'SET #status = :confirmed, confirmedAt = :at REMOVE confirmTokenHash, expiresAt',
            ConditionExpression: 'confirmTokenHash = :hash',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':confirmed': 'confirmed', ':at': at, ':hash': tokenHash },
          },
        },
        { Delete: { Key: { PK: tokenPk(tokenHash), SK: tokenSk } } },
      ])
      if (!done) return undefined
      return get(record.tenant, record.emailHash)
    },

    /** The confirmed subscriber a mail's link belongs to, if still subscribed. */
    async byManageToken(token: string): Promise<Subscriber | undefined> {
      const record = await tokenRecord(token, 'manage')
      const subscriber = record ? await get(record.tenant, record.emailHash) : undefined
      return subscriber?.status === 'confirmed' ? subscriber : undefined
    },

    /** New choices; false when the subscriber is gone (unsubscribed in between). */
    async setTopics(subscriber: Pick<Subscriber, 'tenant' | 'emailHash'>, topics: string[]): Promise<boolean> {
      return whenConditionsHold([
        {
          Update: {
            Key: key(subscriber.tenant, subscriber.emailHash),
            UpdateExpression: 'SET topics = :topics',
            ConditionExpression: '#status = :confirmed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':topics': topics, ':confirmed': 'confirmed' },
          },
        },
      ])
    },

    /** Deletes the subscriber record: nothing of the address is kept (the links' records point nowhere and expire). */
    async remove(tenant: string, emailHash: string): Promise<boolean> {
      const existing = await get(tenant, emailHash)
      if (!existing) return false
      await db.transact([{ Delete: { Key: key(tenant, emailHash) } }])
      return true
    },

    /** A preferences link for a mail: a fresh token, its hash stored with the mail's send marker or on its own. */
    manageToken(tenant: string, emailHash: string): { token: string; write: TransactItem } {
      const token = newToken()
      return { token, write: tokenPut(token, { purpose: 'manage', tenant, emailHash, expiresAt: epochSeconds(now()) + manageLifetimeSeconds }) }
    },
  }
}
export type SubscriberStore = ReturnType<typeof createSubscribers>
