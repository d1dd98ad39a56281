import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption, type Attribute } from 'aws-cdk-lib/aws-dynamodb'
import type { Construct } from 'constructs'
import {
  contentTable,
  countersTable,
  tableName,
  type KeyAttribute,
  type TableDefinition,
} from '../definitions.ts'

export interface DataStackProps extends StackProps {
  prefix: string
}

export interface DataTables {
  content: Table
  counters: Table
}

const attributeTypes: Record<KeyAttribute['type'], AttributeType> = { S: AttributeType.STRING, N: AttributeType.NUMBER }
const attribute = (key: KeyAttribute): Attribute => ({ name: key.name, type: attributeTypes[key.type] })

/**
 * A table built only from its neutral definition, so AWS and DynamoDB Local can never disagree on keys or
 * indexes (tests/infra/tables.test.ts proves it on the synthesized template).
 */
export function tableFromDefinition(scope: Construct, prefix: string, definition: TableDefinition): Table {
  const table = new Table(scope, `${definition.id[0]!.toUpperCase()}${definition.id.slice(1)}Table`, {
    tableName: tableName(prefix, definition),
    partitionKey: attribute(definition.partitionKey),
    sortKey: attribute(definition.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // Content is the product; a stack delete or a replacing change must never take the data with it.
    removalPolicy: RemovalPolicy.RETAIN,
    // AWS-managed KMS key (aws/dynamodb): encryption visible in CloudTrail, no key to administer.
    encryption: TableEncryption.AWS_MANAGED,
    timeToLiveAttribute: definition.timeToLiveAttribute,
    stream: definition.stream && StreamViewType[definition.stream],
  })
  for (const index of definition.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
      // Listings render from the index alone: one Query per page, no follow-up GetItem.
      projectionType: ProjectionType.ALL,
    })
  }
  return table
}

/** The stateful half of the system: everything here is retained and protected against deletion. */
export class DataStack extends Stack {
  readonly tables: DataTables

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props)
    this.tables = {
      content: tableFromDefinition(this, props.prefix, contentTable),
      counters: tableFromDefinition(this, props.prefix, countersTable),
    }
    new CfnOutput(this, 'ContentTableName', { value: this.tables.content.tableName })
    new CfnOutput(this, 'CountersTableName', { value: this.tables.counters.tableName })
  }
}
