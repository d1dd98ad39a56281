import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault, BackupVaultEvents } from 'aws-cdk-lib/aws-backup'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Schedule } from 'aws-cdk-lib/aws-events'
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ITopic } from 'aws-cdk-lib/aws-sns'
import { Construct } from 'constructs'
import { acknowledge } from './nag.ts'

/** What the plan keeps: one recovery point a day, for 35 days (PITR on the tables covers the last 35 days to the second). */
export const backupSchedule = {
  /** 01:00 UTC (02:00 or 03:00 in Norway): few editors at work, so a daily backup sees a quiet table. */
  hourUtc: 1,
  retentionDays: 35,
} as const

export interface BackupsProps {
  tables: ITable[]
  mediaBucket: IBucket
  /** Failed backup and restore jobs are announced here. */
  topic: ITopic
}

/** The role AWS Backup assumes: AWS's own policies for DynamoDB and S3, backup and restore (AWS Backup developer guide). */
const managedPolicies = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
]

/**
 * AWS Backup for the two tables and the media bucket: a daily recovery point kept 35 days in an encrypted vault. PITR
 * stays on the tables (restore to any second of the last 35 days); these recovery points add copies that do not depend
 * on the table (a deleted table's PITR goes with it after 35 days) and cover the media bucket, which PITR cannot.
 * docs/runbook.md says how to restore each.
 */
export class Backups extends Construct {
  readonly vault: BackupVault
  readonly plan: BackupPlan

  constructor(scope: Construct, id: string, props: BackupsProps) {
    super(scope, id)
    // Encrypted with AWS Backup's AWS-managed key (aws/backup). CloudFormation cannot delete a vault that holds recovery
    // points, so DESTROY never loses a backup: it only lets an empty vault (a failed first deploy) go with its stack,
    // and a later deploy create it again under the same name.
    this.vault = new BackupVault(this, 'Vault', {
      notificationTopic: props.topic,
      notificationEvents: [BackupVaultEvents.BACKUP_JOB_FAILED, BackupVaultEvents.RESTORE_JOB_FAILED, BackupVaultEvents.S3_BACKUP_OBJECT_FAILED],
      removalPolicy: RemovalPolicy.DESTROY,
    })
    this.plan = new BackupPlan(this, 'Plan', {
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'daily',
          scheduleExpression: Schedule.cron({ hour: String(backupSchedule.hourUtc), minute: '0' }),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: Duration.days(backupSchedule.retentionDays),
        }),
      ],
    })
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: backs up and restores the content and counters tables and the media bucket',
      managedPolicies: managedPolicies.map((name) => ManagedPolicy.fromAwsManagedPolicyName(name)),
    })
    this.plan.addSelection('Selection', {
      role,
      resources: [...props.tables.map((table) => BackupResource.fromDynamoDbTable(table)), BackupResource.fromArn(props.mediaBucket.bucketArn)],
    })
    acknowledge(
      role,
      'AWS Backup documents these AWS-managed service-role policies as what its service role needs to back up and restore ' +
        'DynamoDB tables and S3 buckets (S3 backups also manage an EventBridge rule of their own); AWS keeps them current ' +
        'as the services change, and only the backup service can assume this role, for the resources this plan selects.',
      ...managedPolicies.map((name) => `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`),
    )
  }
}
