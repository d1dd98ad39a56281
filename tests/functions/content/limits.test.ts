import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentFields } from '../../../functions/content/schema.ts'
import { attributeValueSize, itemSize, MAX_ITEM_BYTES } from '../../../functions/shared/item-size.ts'
import { createEditorEnvironment } from '../../support/editors.ts'
import { testArticle } from '../../support/fixtures.ts'

type Env = Awaited<ReturnType<typeof createEditorEnvironment>>

/**
 * Hole 9 of issue 10: an item over DynamoDB's 400 KB answered 500. The body below is ~420 KB as a DynamoDB
 * item but under the editor API's 512 KB request cap, so only the item-size check stands between it and
 * DynamoDB's ValidationException.
 */
const hugeBody = (): ContentFields['body'] => ({
  type: 'doc',
  content: Array.from({ length: 21 }, (_, index) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `${index} ${'ø'.repeat(9_998)}` }] })),
})
const article = (slug: string, overrides: Partial<ContentFields> = {}) => testArticle('akershus', slug, { topics: [], ...overrides })
const withoutIds = ({ id: _id, tenant: _tenant, ...fields }: ContentFields) => fields

describe('the item size DynamoDB counts', () => {
  it('follows AWS sizing rules for each kind of value', () => {
    expect(itemSize({ a: 'b' })).toBe(2)
    expect(itemSize({ navn: 'Ås' })).toBe(4 + 3)
    expect(attributeValueSize(true)).toBe(1)
    expect(attributeValueSize(null)).toBe(1)
    expect(attributeValueSize(12345)).toBe(4)
    expect(attributeValueSize(-0.5)).toBeLessThanOrEqual(21)
    expect(attributeValueSize(['ab', 'c'])).toBe(3 + 1 + 2 + 1 + 1)
    expect(attributeValueSize({ k: 'v' })).toBe(3 + 1 + 1 + 1)
    expect(itemSize({ gone: undefined, kept: 'x' })).toBe(5)
  })

  it('never counts less than DynamoDB Local: items of exactly the limit by our count are stored, one byte more of a string is refused', async () => {
    const { services } = await createEditorEnvironment('limits-size')
    const { dynamo } = services.clients
    const table = services.config.tables.content
    const pad = (item: Record<string, unknown>) => ({ ...item, pad: 'x'.repeat(MAX_ITEM_BYTES - itemSize({ ...item, pad: '' })) })
    const shapes: Array<Record<string, unknown>> = [
      { PK: 'SIZE', SK: 'flat' },
      { PK: 'SIZE', SK: 'nested', doc: { type: 'doc', content: Array.from({ length: 300 }, (_, index) => ({ type: 'paragraph', content: [{ type: 'text', text: `ø ${index}`, marks: ['bold'] }] })) } },
      { PK: 'SIZE', SK: 'numbers', version: 123456789, width: 1400, ratio: 0.333, list: Array.from({ length: 500 }, (_, index) => index * 7919), flags: [true, false, null] },
    ]
    for (const shape of shapes) {
      const item = pad(shape)
      expect(itemSize(item)).toBe(MAX_ITEM_BYTES)
      await dynamo.send(new PutCommand({ TableName: table, Item: item }))
      expect((await dynamo.send(new GetCommand({ TableName: table, Key: { PK: 'SIZE', SK: shape.SK } }))).Item).toBeDefined()
    }
    const over = { ...pad({ PK: 'SIZE', SK: 'over' }), pad: `${pad({ PK: 'SIZE', SK: 'over' }).pad}x` }
    await expect(dynamo.send(new PutCommand({ TableName: table, Item: over }))).rejects.toThrow(/size/i)
  })
})

describe('an item too large for DynamoDB', () => {
  let env: Env
  beforeAll(async () => {
    env = await createEditorEnvironment('limits')
  })

  it('is refused on create with 413 payload_too_large naming the body, and nothing is stored', async () => {
    const fields = article('for-stor', { body: hugeBody() })
    const error = await env.services.content.create(fields).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', message: expect.stringMatching(/body \(\d+ KB\).*Shorten the text/) })
    expect(await env.services.content.getItem('akershus', fields.id)).toBeUndefined()
    // The slug was not claimed either.
    await expect(env.services.content.create(article('for-stor'))).resolves.toMatchObject({ status: 'draft', slug: 'for-stor' })
  })

  it('answers 413, not 500, when an editor saves it through the API (a body under the 512 KB request cap), and the item and its history stay as they were', async () => {
    const created = await env.services.content.create(article('vokser'))
    const path = `/api/editor/tenants/akershus/items/${created.id}`
    const body = JSON.stringify({ version: created.version, fields: withoutIds({ ...article('vokser'), body: hugeBody() }) })
    expect(Buffer.byteLength(body)).toBeLessThan(512 * 1024)
    const response = await env.call('PUT', path, env.tokens.akershus, body)
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', error: expect.stringContaining('Shorten the text'), largest: expect.arrayContaining(['body']) })

    const stored = await env.services.content.getItem('akershus', created.id)
    expect(stored).toMatchObject({ version: created.version, body: created.body })
    const revisions = await env.call('GET', `${path}/revisions`, env.tokens.akershus)
    expect(JSON.stringify(await revisions.json())).not.toContain('ø'.repeat(100))
  })

  it('answers 413 on create through the API too', async () => {
    const response = await env.call('POST', '/api/editor/tenants/akershus/items', env.tokens.akershus, withoutIds(article('ny-for-stor', { body: hugeBody() })))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' })
  })
})
