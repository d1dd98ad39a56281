import { Duration } from 'aws-cdk-lib'
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'
import { invalidationStreamFilter } from '../../functions/content/invalidation-outbox.ts'
import { AppLambda } from './app-lambda.ts'
import { acknowledge } from './nag.ts'

/** How the content table's stream feeds the invalidator; tests/infra/functions.test.ts pins the template to it. */
export const invalidatorStream = {
  batchSize: 100,
  // Publishes in a burst (a scheduled minute, an editor's round of follows) become one invalidation.
  maxBatchingWindow: Duration.seconds(2),
  retryAttempts: 5,
  // Past an hour, pages have long refreshed themselves (s-maxage 60 s, stale-while-revalidate 600 s).
  maxRecordAge: Duration.hours(1),
}

/**
 * The invalidator function (issue 16): the CDN's outbox records, new in the content table's stream, become
 * CloudFront invalidations (functions/entry/invalidator.ts). Its role may invalidate the one distribution and read
 * the one stream, nothing else: no table access, as the stream hands each record over whole. Made after the
 * distribution, which never refers back to it, so the distribution id is a plain environment variable (no SSM
 * parameter, no cycle).
 */
export function addInvalidator(scope: Construct, props: { distribution: IDistribution; content: ITable }): AppLambda {
  const streamArn = props.content.tableStreamArn
  if (!streamArn) throw new Error('The content table needs its stream (infra/definitions.ts contentTable.stream)')
  const invalidator = new AppLambda(scope, 'Invalidator', {
    entry: 'functions/entry/invalidator.ts',
    omitEventStreams: true,
    description: 'CloudFront invalidations for changes readers see (the content table stream, CDN outbox records)',
    memorySize: 256,
    timeout: Duration.seconds(30),
    environment: { DISTRIBUTION_ID: props.distribution.distributionId },
  })
  const { fn, role } = invalidator
  role.addToPolicy(new PolicyStatement({ actions: ['cloudfront:CreateInvalidation'], resources: [props.distribution.distributionArn] }))
  // What Lambda's poller needs, on this stream alone (DynamoDB developer guide, "IAM policy to allow an AWS Lambda
  // function to access DynamoDB stream records"); CDK's own grant would add ListStreams on every resource.
  role.addToPolicy(
    new PolicyStatement({
      actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      resources: [streamArn],
    }),
  )

  // Where a batch goes once its retries are spent: the shard and sequence numbers, for an operator to look at.
  const failures = new Queue(invalidator, 'Failures', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  })
  acknowledge(
    failures,
    'This queue is itself the dead-letter store: the on-failure destination of the invalidator event source mapping. ' +
      'It receives only metadata of batches whose retries are spent, and nothing consumes it automatically.',
    'AwsSolutions-SQS3',
  )
  fn.addEventSourceMapping('ContentStream', {
    eventSourceArn: streamArn,
    startingPosition: StartingPosition.TRIM_HORIZON,
    ...invalidatorStream,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(failures),
    // The one filter, which the local poller applies too (infra/local/content-stream.ts).
    filters: [FilterCriteria.filter(invalidationStreamFilter)],
  })
  return invalidator
}
