import { Duration, Stack } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { ConfigurationSet, EmailSendingEvent, EventDestination, SuppressionReasons } from 'aws-cdk-lib/aws-ses'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Construct } from 'constructs'
import { newsletterRecordPrefixes } from '../../functions/newsletter/keys.ts'
import { AppLambda } from './app-lambda.ts'
import { grantReaderRecords } from './grants.ts'

export interface NewsletterMailProps {
  table: ITable
  /** The environment every function gets (tables, bucket, origin). */
  environment: Record<string, string>
}

/**
 * What becomes of the newsletter's mail (issue 14): an SES configuration set (made with `-c sesIdentity`) that the
 * mail is sent through, publishing SEND, BOUNCE and COMPLAINT events to an SNS topic encrypted with a key of its own
 * (the AWS-managed aws/sns key's policy cannot let SES use it), and a small function on that topic that suppresses a
 * bounced or complaining address and deletes its subscription, and confirms the send log's marker of each mail SES
 * took (functions/newsletter/ses-events.ts). The configuration set also puts such addresses on SES's own suppression
 * list.
 */
export class NewsletterMail extends Construct {
  readonly configurationSet: ConfigurationSet
  readonly topic: Topic
  readonly bounces: AppLambda

  constructor(scope: Construct, id: string, props: NewsletterMailProps) {
    super(scope, id)
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS, reputationMetrics: true })
    const key = new Key(this, 'Key', { description: 'Encrypts SES bounce and complaint notifications', enableKeyRotation: true, pendingWindow: Duration.days(7) })
    // What SES needs to publish to an encrypted topic (SES developer guide, "Event destinations: Amazon SNS"), for this
    // account's configuration set only.
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    )
    this.topic = new Topic(this, 'Topic', { displayName: 'Kompetansebroen newsletter bounces and complaints', masterKey: key, enforceSSL: true })
    // CDK adds the topic policy letting ses.amazonaws.com of this account publish.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.topic),
      // Send: SES took a mail, the word a send resumed after a crash needs about the mail in flight (send-log.ts).
      events: [EmailSendingEvent.SEND, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    })

    this.bounces = new AppLambda(this, 'Bounces', {
      entry: 'functions/entry/newsletter-bounces.ts',
      omitEventStreams: true,
      description: 'Newsletter mail events (SES to SNS): a bounce or complaint suppresses the address, a send confirms the send log',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: props.environment,
    })
    // It writes the suppression record, deletes a subscriber and marks a send-log marker sent: newsletter partitions
    // only, nothing to read.
    grantReaderRecords(this.bounces.role, props.table, newsletterRecordPrefixes, ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'])
    this.topic.addSubscription(new LambdaSubscription(this.bounces.fn))
  }

  /** The configuration set's ARN: SES authorises SendEmail on it as well as on the identity. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName })
  }
}
