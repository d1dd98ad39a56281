import { Duration } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3'
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications'
import type { Construct } from 'constructs'
import { listenerPrefix, logFilePrefix, saltPrefix, statPrefix } from '../../functions/analytics/keys.ts'
import { tenantPk } from '../../functions/shared/keys.ts'
import { AppLambda } from './app-lambda.ts'
import { grantPartitions } from './grants.ts'
import { acknowledge, arnFinding } from './nag.ts'

/** Where the site's distribution delivers its standard logs in the log bucket (infra/stacks/cdn.ts logFilePrefix). */
export const cloudFrontLogPrefix = 'cloudfront/'

/**
 * The access-log function (issue 15): each standard log file CloudFront delivers to the log bucket starts it (S3
 * ObjectCreated on `cloudfront/`), and it counts the file's podcast downloads and film plays by IAB rules
 * (functions/entry/access-logs.ts). Its role reads those log files and nothing else of the bucket, reads media records
 * (GetItem on editions' partitions of the content table), and in the counters table writes only download counts,
 * listener state, the day's salt and which files it counted. It never writes an address anywhere; the log files themselves expire after 90
 * days by the bucket's lifecycle rule, as before.
 */
export function addAccessLogCounter(scope: Construct, props: { logs: IBucket; tables: { content: ITable; counters: ITable }; mediaBucket: IBucket }): AppLambda {
  const counter = new AppLambda(scope, 'AccessLogs', {
    entry: 'functions/entry/access-logs.ts',
    description: 'Podcast downloads and film plays by IAB rules from each CloudFront standard log file (S3 ObjectCreated on cloudfront/)',
    memorySize: 512,
    timeout: Duration.minutes(2),
    // configFromEnv reads these; the media bucket only by name, which this function never touches.
    environment: { CONTENT_TABLE: props.tables.content.tableName, COUNTERS_TABLE: props.tables.counters.tableName, MEDIA_BUCKET: props.mediaBucket.bucketName },
  })
  const { fn, role } = counter
  role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.logs.arnForObjects(`${cloudFrontLogPrefix}*`)] }))
  acknowledge(
    role,
    'CloudFront names each log file it delivers ({prefix}{distribution id}.{hour}.{unique id}.gz), so the files cannot be ' +
      'listed in advance; the wildcard is confined to GetObject on the site distribution\'s prefix of the log bucket.',
    `AwsSolutions-IAM5[${arnFinding(props.logs, `/${cloudFrontLogPrefix}*`)}]`,
  )
  // Media records (size, duration, kind) only: GetItem on editions' partitions, no Query, no write.
  grantPartitions(role, props.tables.content, [tenantPk('')], ['dynamodb:GetItem'])
  // Counts are added to (ADD), listener state added to and flagged (UpdateItem), the salt read and made once (GetItem, PutItem).
  grantPartitions(role, props.tables.counters, [statPrefix], ['dynamodb:UpdateItem'])
  grantPartitions(role, props.tables.counters, [listenerPrefix], ['dynamodb:UpdateItem'])
  grantPartitions(role, props.tables.counters, [saltPrefix], ['dynamodb:GetItem', 'dynamodb:PutItem'])
  // Which delivered files were counted already (a redelivered event is skipped).
  grantPartitions(role, props.tables.counters, [logFilePrefix], ['dynamodb:GetItem', 'dynamodb:PutItem'])
  props.logs.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: cloudFrontLogPrefix })
  return counter
}
