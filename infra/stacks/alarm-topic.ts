import { Duration } from 'aws-cdk-lib'
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Construct } from 'constructs'

export interface AlarmTopicProps {
  prefix: string
  /** `-c alarmEmail=…`: subscribed by e-mail (AWS sends a confirmation mail first). */
  email?: string
  /**
   * AWS services besides CloudWatch that publish here (e.g. `backup.amazonaws.com` for failed backup jobs): they may use
   * the key; the topic policy is granted by whoever wires the service (AWS Backup's vault does it itself).
   */
  publishers?: string[]
}

/**
 * The SNS topic on-call people subscribe to, one per region that raises alarms (CloudWatch can only notify a topic in
 * its own region, and CloudFront's metrics exist only in us-east-1). Encrypted with a key of its own: the AWS-managed
 * aws/sns key's policy cannot be changed, so CloudWatch could not encrypt its notifications with it and they would
 * be dropped.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id)
    const services = ['cloudwatch.amazonaws.com', ...(props.publishers ?? [])]
    const key = new Key(this, 'Key', {
      description: `${props.prefix}: encrypts alarm notifications`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
    })
    // What a publishing service needs to encrypt a message for an encrypted topic (SNS developer guide, "Configure KMS
    // permissions for AWS services").
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: services.map((service) => new ServicePrincipal(service)),
        resources: ['*'],
      }),
    )
    this.topic = new Topic(this, 'Topic', {
      displayName: `Kompetansebroen ${props.prefix} alarms`,
      masterKey: key,
      enforceSSL: true,
    })
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email))
  }
}
