import { Duration, Stack, type StackProps } from 'aws-cdk-lib'
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import type { Construct } from 'constructs'
import { AlarmTopic } from './alarm-topic.ts'
import { edgeRegion } from './index.ts'

/** Percent of a distribution's requests answered 5xx (five-minute average) that raises its alarm, in two of three periods. */
export const distributionAlarmThreshold = 5

/**
 * A CloudFront metric. CloudFront publishes them in us-east-1 only, with dimensions DistributionId and Region=Global
 * (CloudFront developer guide, "Viewing CloudFront and edge function metrics"); the explicit region lets the dashboard
 * in the stacks' own region draw them.
 */
export function cloudFrontMetric(distributionId: string, metricName: string, statistic: string): Metric {
  return new Metric({
    namespace: 'AWS/CloudFront',
    metricName,
    dimensionsMap: { DistributionId: distributionId, Region: 'Global' },
    region: edgeRegion,
    period: Duration.minutes(5),
    statistic,
  })
}

export interface EdgeAlarmsStackProps extends StackProps {
  prefix: string
  alarmEmail?: string
  distributions: Array<{ label: string; distributionId: string }>
}

/**
 * us-east-1: the CloudFront 5xx-rate alarms and their own topic. A CloudWatch alarm can only watch metrics of its own
 * region and notify a topic there, and CloudFront's metrics exist only in us-east-1. Deployed after the web stack,
 * whose distribution ids it reads across regions (weak references: Fn::GetStackOutput, no exports).
 */
export class EdgeAlarmsStack extends Stack {
  readonly alarms: Alarm[]

  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, { ...props, env: { region: edgeRegion }, crossRegionReferences: true })
    const { topic } = new AlarmTopic(this, 'Alarms', { prefix: props.prefix, email: props.alarmEmail })
    const action = new SnsAction(topic)
    this.alarms = props.distributions.map(({ label, distributionId }) => {
      const alarm = new Alarm(this, `${label}5xxRate`, {
        alarmDescription: `CloudFront ${label}: over ${distributionAlarmThreshold} % of requests answered 5xx. Runbook: "5xx spike".`,
        metric: cloudFrontMetric(distributionId, '5xxErrorRate', 'Average'),
        threshold: distributionAlarmThreshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      })
      alarm.addAlarmAction(action)
      alarm.addOkAction(action)
      return alarm
    })
  }
}
