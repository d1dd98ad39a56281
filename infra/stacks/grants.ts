import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { contentTable, type TableDefinition } from '../definitions.ts'
import { courseStatPrefix } from '../../functions/courses/keys.ts'
import { signupRecordPrefixes } from '../../functions/events/keys.ts'
import { newsletterRecordPrefixes } from '../../functions/newsletter/keys.ts'
import { acknowledge, arnFinding } from './nag.ts'

/** The IAM statements the functions are made of, each granting exactly what one kind of code does. */

const dynamoRead = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']
// Every write goes through a transaction or a conditional single write (functions/shared/db.ts); nothing
// batch-writes, so BatchWriteItem is not granted.
const dynamoWrite = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']

/** The table and each index by name: least privilege without an `index/*` wildcard. */
const tableAndIndexArns = (table: ITable, definition: TableDefinition) => [
  table.tableArn,
  ...definition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
]

export function grantContent(role: Role, table: ITable, access: { write?: boolean }) {
  const actions = [...dynamoRead, ...(access.write ? dynamoWrite : [])]
  role.addToPolicy(new PolicyStatement({ actions, resources: tableAndIndexArns(table, contentTable) }))
}

/**
 * Partition-key prefixes of the records readers' form posts create (functions/courses/exam-keys.ts: exam attempts
 * and certificates; event sign-ups and newsletter records have their own, `grantSignupRecords`, `grantNewsletterRecords`). Never
 * `TENANT#`: editors' content.
 */
export const readerRecordPrefixes = ['ATTEMPT#', 'CERT#'] as const

/**
 * Writes for the exams function, confined by `dynamodb:LeadingKeys` to the partitions of readers' own records, so a
 * bug in a reader route can never write an edition's content. IAM's StringLike takes `*` anywhere in the value, and
 * LeadingKeys is multi-valued, hence ForAllValues; ForAllValues holds for a request without the key at all, so
 * the Null check demands it (every item action carries it). GetItem belongs to the set (a route reads its attempt
 * back), though `grantContent`'s unconditioned reads already cover it; should reads ever be narrowed, this stays.
 */
export function grantReaderRecords(
  role: Role,
  table: ITable,
  prefixes: readonly string[] = readerRecordPrefixes,
  actions: readonly string[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem'],
) {
  role.addToPolicy(
    new PolicyStatement({
      actions: [...actions],
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    }),
  )
}

/**
 * Event sign-ups (functions/events/keys.ts), confined to their partitions like `grantReaderRecords`: the events
 * function also deletes waiting-list places as their holders get a seat or cancel, and queries an event's list.
 */
export function grantSignupRecords(role: Role, table: ITable) {
  grantReaderRecords(role, table, signupRecordPrefixes, ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'])
}

/**
 * The newsletter's records (functions/newsletter/keys.ts: subscribers, links' tokens, the sign-up rate limit), confined
 * to their partitions like `grantReaderRecords`: the events function signs readers up, confirms, changes and deletes.
 */
export function grantNewsletterRecords(role: Role, table: ITable) {
  grantReaderRecords(role, table, newsletterRecordPrefixes, ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'])
}

/**
 * Courses' anonymous statistics in the counters table (functions/courses/course-stats.ts), confined like
 * `grantReaderRecords` by `dynamodb:LeadingKeys` to the course-stat partitions: the exams function adds to counts
 * (UpdateItem ADD, nothing else: it can neither read nor delete them), the editor API reads them (Query).
 */
export function grantCourseStats(role: Role, table: ITable, access: 'count' | 'read') {
  grantPartitions(role, table, [courseStatPrefix], access === 'count' ? ['dynamodb:UpdateItem'] : ['dynamodb:Query'])
}

/**
 * `actions` on a table's partitions under `prefixes` only (dynamodb:LeadingKeys): page views and downloads
 * (functions/analytics/keys.ts) are counted by the exams function and the access-log function and read by the editor
 * API; the access-log function reads media records in editions' partitions.
 */
export function grantPartitions(role: Role, table: ITable, prefixes: string[], actions: string[]) {
  role.addToPolicy(
    new PolicyStatement({
      actions,
      resources: [table.tableArn],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    }),
  )
}

/** Object actions under one key prefix of the media bucket (`uploads/` staged, `tenants/` public). */
export function grantMediaPrefix(role: Role, bucket: IBucket, prefix: string, actions: string[]) {
  role.addToPolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects(`${prefix}*`)] }))
}

/**
 * ListBucket on the media bucket: without it S3 answers a HEAD of a missing object 403 instead of 404, and the
 * code tells "not uploaded yet" or "already published" from a real refusal by that 404.
 */
export function grantMediaList(role: Role, bucket: IBucket) {
  role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }))
}

export function acknowledgeMediaPrefixes(role: Role, bucket: IBucket, prefixes: string[]) {
  acknowledge(
    role,
    'Object keys are generated per upload (uploads/{tenant}/{id}/{file} while staged, then ' +
      'tenants/{tenant}/media/{id}/{file}), so they cannot be listed in advance; each wildcard is confined to ' +
      'one prefix of this one media bucket, and tenant checks happen in the code before any key is used.',
    ...prefixes.map((prefix) => `AwsSolutions-IAM5[${arnFinding(bucket, `/${prefix}*`)}]`),
  )
}
