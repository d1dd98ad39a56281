import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTable, countersTable, tableName, type KeyAttribute, type TableDefinition } from '../../infra/definitions.ts'
import { prefixFor } from '../../infra/stacks/index.ts'
import { resourcesOf, synthesize, type Synthesized } from './synth.ts'

/**
 * The local emulator tables and the AWS tables are both built from infra/definitions.ts; this pins the
 * synthesized CloudFormation to that one description, key for key and index for index.
 */
const keySchema = (partitionKey: KeyAttribute, sortKey: KeyAttribute) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  { AttributeName: sortKey.name, KeyType: 'RANGE' },
]

function expectedAttributeDefinitions(definition: TableDefinition) {
  const keys = [definition.partitionKey, definition.sortKey, ...definition.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]
  const unique = new Map(keys.map((key) => [key.name, key.type]))
  return [...unique].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }))
}

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: T[] = []) =>
  [...items].sort((a, b) => String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)))

describe('DynamoDB tables equal the neutral definitions', { timeout: 120_000 }, () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  })
  afterAll(() => synth?.cleanup())

  const tableProperties = (definition: TableDefinition) => {
    const name = tableName(prefixFor('prod'), definition)
    const tables = resourcesOf(synth.templates.data, 'AWS::DynamoDB::Table').filter(([, t]) => t.Properties.TableName === name)
    expect(tables, `one table named ${name}`).toHaveLength(1)
    return tables[0]![1].Properties
  }

  it('synthesizes exactly the defined tables', () => {
    const names = resourcesOf(synth.templates.data, 'AWS::DynamoDB::Table').map(([, t]) => t.Properties.TableName).sort()
    expect(names).toEqual([contentTable, countersTable].map((d) => tableName(prefixFor('prod'), d)).sort())
  })

  for (const definition of [contentTable, countersTable]) {
    describe(definition.id, () => {
      it('has the defined key schema', () => {
        expect(tableProperties(definition).KeySchema).toEqual(keySchema(definition.partitionKey, definition.sortKey))
      })

      it('defines exactly the key attributes of the table and its indexes', () => {
        expect(byName(tableProperties(definition).AttributeDefinitions)).toEqual(byName(expectedAttributeDefinitions(definition)))
      })

      it('has the defined global secondary indexes, each projecting all attributes', () => {
        const expected = definition.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: 'ALL' },
        }))
        const actual = tableProperties(definition).GlobalSecondaryIndexes
        if (expected.length === 0) expect(actual).toBeUndefined()
        else expect(byName(actual)).toEqual(byName(expected))
      })

      it('uses the defined time-to-live attribute, if any', () => {
        const ttl = tableProperties(definition).TimeToLiveSpecification
        if (definition.timeToLiveAttribute) expect(ttl).toEqual({ AttributeName: definition.timeToLiveAttribute, Enabled: true })
        else expect(ttl).toBeUndefined()
      })

      it('has the defined stream, if any', () => {
        const stream = tableProperties(definition).StreamSpecification
        if (definition.stream) expect(stream).toEqual({ StreamViewType: definition.stream })
        else expect(stream).toBeUndefined()
      })
    })
  }
})
