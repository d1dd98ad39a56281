import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib'
import type { Table } from 'aws-cdk-lib/aws-dynamodb'
import { Rule } from 'aws-cdk-lib/aws-events'
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Queue } from 'aws-cdk-lib/aws-sqs'
import type { Construct, IConstruct } from 'constructs'
import { AlarmTopic } from './alarm-topic.ts'
import { AppLambda } from './app-lambda.ts'
import { Backups } from './backup.ts'
import { Monitoring } from './monitoring.ts'

export interface OperationsStackProps extends StackProps {
  prefix: string
  alarmEmail?: string
  /** The stacks whose functions, queues and rules are watched: found in the construct tree, never listed by hand. */
  watched: IConstruct[]
  tables: Table[]
  mediaBucket: IBucket
  distributions: Array<{ label: string; distributionId: string }>
}

/** What functions/content/scheduling.ts logs for a scheduled change it gave up on (functions/entry/scheduler.ts). */
export const scheduleFailurePattern = { field: '$.outcome', value: 'failed' } as const

/**
 * The operator's stack, in the stacks' region: alarms and the dashboard (monitoring.ts), their SNS topic, and AWS
 * Backup (backup.ts). Deployed after data and web, which never refer to it, so adding or changing an alarm never
 * touches a function or a table.
 */
export class OperationsStack extends Stack {
  readonly monitoring: Monitoring
  readonly backups: Backups

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props)
    const all = props.watched.flatMap((root) => root.node.findAll())
    const functions = all.filter((c): c is AppLambda => c instanceof AppLambda)
    const { topic } = new AlarmTopic(this, 'Alarms', { prefix: props.prefix, email: props.alarmEmail, publishers: ['backup.amazonaws.com'] })

    const scheduler = functions.find((fn) => fn.node.id === 'Scheduler')
    const logMetrics = scheduler ? [this.scheduleFailures(props.prefix, scheduler)] : []

    this.monitoring = new Monitoring(this, 'Monitoring', {
      prefix: props.prefix,
      topic,
      functions,
      tables: props.tables,
      failureQueues: all.filter((c): c is Queue => c instanceof Queue),
      rules: all.filter((c): c is Rule => c instanceof Rule),
      logMetrics,
      distributions: props.distributions,
    })
    this.backups = new Backups(this, 'Backups', { tables: props.tables, mediaBucket: props.mediaBucket, topic })

    new CfnOutput(this, 'AlarmTopicArn', { value: topic.topicArn })
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName })
    new CfnOutput(this, 'BackupVaultName', { value: this.backups.vault.backupVaultName })
  }

  /** Scheduled publishes and unpublishes given up on (the scheduler function itself succeeded): counted from its log. */
  private scheduleFailures(prefix: string, scheduler: AppLambda) {
    const filter = new MetricFilter(this, 'ScheduledChangesFailed', {
      logGroup: scheduler.logGroup,
      filterPattern: FilterPattern.stringValue(scheduleFailurePattern.field, '=', scheduleFailurePattern.value),
      metricNamespace: `Kompetansebroen/${prefix}`,
      metricName: 'ScheduledChangesFailed',
      metricValue: '1',
    })
    return {
      id: 'ScheduledChangesFailed',
      description: 'Scheduler: a scheduled publish or unpublish failed for good (the item says why). Runbook: "Scheduled publishing stalls".',
      metric: filter.metric({ period: Duration.minutes(5), statistic: 'Sum' }),
    }
  }
}
