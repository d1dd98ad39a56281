import { Duration } from 'aws-cdk-lib'
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IAlarm,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb'
import type { Rule } from 'aws-cdk-lib/aws-events'
import { FunctionUrl } from 'aws-cdk-lib/aws-lambda'
import type { ITopic } from 'aws-cdk-lib/aws-sns'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import type { AppLambda } from './app-lambda.ts'
import { cloudFrontMetric, distributionAlarmThreshold } from './edge-alarms.ts'

/** Thresholds an on-call person is woken for; the runbook (docs/runbook.md) says what to do about each. */
export const alarmThresholds = {
  /** Percent of a Function URL's requests answered 5xx in five minutes, in two of three periods. */
  functionUrl5xxPercent: 5,
  /** Fewer requests than this in five minutes never raise the 5xx-rate alarm: one error in three is no outage. */
  functionUrlMinRequests: 20,
  /** p99 duration as a share of the function's timeout: past it, requests are about to time out. */
  p99ShareOfTimeout: 0.8,
} as const

/** Every operation the functions send to DynamoDB (an alarm's metric math takes at most ten metrics). */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.TRANSACT_GET_ITEMS,
]

export interface MonitoringProps {
  prefix: string
  topic: ITopic
  /** Every Lambda function of the stacks, found in the construct tree, so a new function is watched without an edit. */
  functions: AppLambda[]
  tables: Table[]
  /** Queues that hold what failed for good (the invalidator's on-failure destination). */
  failureQueues: Queue[]
  /** EventBridge rules invoking functions (the scheduler's minute). */
  rules: Rule[]
  /** Custom metrics from the functions' logs (scheduler failures), each alarmed at one or more in five minutes. */
  logMetrics: Array<{ id: string; description: string; metric: IMetric }>
  /** Shown on the dashboard from us-east-1, where CloudFront's metrics live (their alarms: edge-alarms.ts). */
  distributions: Array<{ label: string; distributionId: string }>
}

const fiveMinutes = Duration.minutes(5)

/** The alarms of the stateless half and the one dashboard, in the stacks' region. */
export class Monitoring extends Construct {
  readonly alarms: Alarm[] = []
  readonly dashboard: Dashboard

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id)
    const action = new SnsAction(props.topic)
    const alarm = (alarmId: string, description: string, options: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, alarmId, { treatMissingData: TreatMissingData.NOT_BREACHING, ...options, alarmDescription: description })
      created.addAlarmAction(action)
      created.addOkAction(action)
      this.alarms.push(created)
      return created
    }

    const functionRows: IWidget[] = []
    for (const lambda of props.functions) {
      const { fn } = lambda
      const name = lambda.node.id
      alarm(`${name}Errors`, `${name}: the function failed (uncaught error or timeout). Runbook: "A function fails".`, {
        metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      })
      alarm(`${name}Throttles`, `${name}: Lambda refused invocations (concurrency). Runbook: "Throttling".`, {
        metric: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      })
      const timeoutMs = fn.timeout!.toMilliseconds()
      alarm(`${name}P99Duration`, `${name}: p99 duration above ${alarmThresholds.p99ShareOfTimeout * 100} % of its ${timeoutMs} ms timeout. Runbook: "Slow functions".`, {
        metric: fn.metricDuration({ period: fiveMinutes, statistic: 'p99' }),
        threshold: Math.round(timeoutMs * alarmThresholds.p99ShareOfTimeout),
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      })
      const hasUrl = fn.node.children.some((child) => child instanceof FunctionUrl)
      const url5xxRate = hasUrl ? this.url5xxRate(fn.functionName) : undefined
      if (url5xxRate) {
        alarm(`${name}Url5xxRate`, `${name}: over ${alarmThresholds.functionUrl5xxPercent} % of its requests answered 5xx. Runbook: "5xx spike".`, {
          metric: url5xxRate,
          threshold: alarmThresholds.functionUrl5xxPercent,
          evaluationPeriods: 3,
          datapointsToAlarm: 2,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        })
      }
      functionRows.push(
        new GraphWidget({
          title: `${name}: invocations, errors, throttles`,
          width: 12,
          left: [fn.metricInvocations({ period: fiveMinutes }), fn.metricErrors({ period: fiveMinutes }), fn.metricThrottles({ period: fiveMinutes })],
          right: url5xxRate ? [url5xxRate] : [],
        }),
        new GraphWidget({
          title: `${name}: duration p50 / p99 (timeout ${timeoutMs} ms)`,
          width: 12,
          left: ['p50', 'p99'].map((statistic) => fn.metricDuration({ period: fiveMinutes, statistic })),
        }),
      )
    }

    const tableWidgets: IWidget[] = []
    for (const table of props.tables) {
      const name = table.node.id
      alarm(`${name}Throttled`, `${name}: DynamoDB throttled requests. Runbook: "Throttling".`, {
        metric: table.metricThrottledRequestsForOperations({ operations: tableOperations, period: fiveMinutes }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      })
      alarm(`${name}SystemErrors`, `${name}: DynamoDB answered 500s (its side). Runbook: "DynamoDB errors".`, {
        metric: table.metricSystemErrorsForOperations({ operations: tableOperations, period: fiveMinutes }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      })
      tableWidgets.push(
        new GraphWidget({
          title: `${name}: consumed capacity and throttles`,
          width: 12,
          left: [table.metricConsumedReadCapacityUnits({ period: fiveMinutes }), table.metricConsumedWriteCapacityUnits({ period: fiveMinutes })],
          right: [table.metricThrottledRequestsForOperations({ operations: tableOperations, period: fiveMinutes })],
        }),
      )
    }

    for (const queue of props.failureQueues) {
      const name = queue.node.scope!.node.id + queue.node.id
      alarm(`${name}Waiting`, `${name}: a batch failed for good and waits in the queue. Runbook: "Invalidations failing".`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      })
    }
    for (const rule of props.rules) {
      const name = rule.node.id
      alarm(`${name}FailedInvocations`, `${name}: EventBridge could not invoke its target. Runbook: "Scheduled publishing stalls".`, {
        metric: new Metric({ namespace: 'AWS/Events', metricName: 'FailedInvocations', dimensionsMap: { RuleName: rule.ruleName }, period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      })
    }
    for (const { id: metricId, description, metric } of props.logMetrics) {
      alarm(metricId, description, { metric, threshold: 1, evaluationPeriods: 1, comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD })
    }

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${props.prefix}-operations`,
      defaultInterval: Duration.hours(6),
    })
    const edgeWidgets = props.distributions.map(
      ({ label, distributionId }) =>
        new GraphWidget({
          title: `CloudFront ${label}: requests and 5xx rate (us-east-1; alarm over ${distributionAlarmThreshold} %)`,
          width: 12,
          left: [cloudFrontMetric(distributionId, 'Requests', 'Sum')],
          right: [cloudFrontMetric(distributionId, '5xxErrorRate', 'Average')],
        }),
    )
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${props.prefix}\nAlarms notify the SNS topic of this stack (and of \`-edge-alarms\` in us-east-1 for CloudFront). What to do: docs/runbook.md.`,
        width: 24,
        height: 2,
      }),
    )
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms as IAlarm[], width: 24, height: 6 }))
    this.dashboard.addWidgets(...edgeWidgets)
    this.dashboard.addWidgets(...functionRows)
    this.dashboard.addWidgets(...tableWidgets)
  }

  /** Percent of a Function URL's requests answered 5xx, zero while there are too few requests to judge. */
  private url5xxRate(functionName: string): MathExpression {
    const metric = (metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, period: fiveMinutes, statistic: 'Sum' })
    return new MathExpression({
      label: '5xx %',
      expression: `IF(requests >= ${alarmThresholds.functionUrlMinRequests}, 100 * errors / requests, 0)`,
      usingMetrics: { requests: metric('UrlRequestCount'), errors: metric('Url5xxCount') },
      period: fiveMinutes,
    })
  }
}
