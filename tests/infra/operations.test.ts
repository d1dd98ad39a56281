import { Match, Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupSchedule } from '../../infra/stacks/backup.ts'
import { distributionAlarmThreshold } from '../../infra/stacks/edge-alarms.ts'
import { alarmThresholds } from '../../infra/stacks/monitoring.ts'
import { resource, resourcesOf, synthesize, type Synthesized } from './synth.ts'

/** Issue 15: what an on-call person is told, and what can be restored. Read from the synthesized templates. */
describe('operations: alarms, dashboard, backups', { timeout: 120_000 }, () => {
  let synth: Synthesized
  let ops: Template
  let edgeAlarms: Template
  beforeAll(async () => {
    synth = await synthesize({ deploy: { alarmEmail: 'vakt@kompetansebroen.example.no' } })
    ops = Template.fromStack(synth.stacks.ops)
    edgeAlarms = Template.fromStack(synth.stacks.edgeAlarms)
  })
  afterAll(() => synth?.cleanup())

  const alarms = (template: Template) => resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties)
  /** The function a Lambda alarm watches, as the logical id of its output in the web stack (weak reference). */
  const watchedFunction = (alarm: any) => JSON.stringify(alarm.Dimensions ?? alarm.Metrics)
  const webFunctions = () => resourcesOf(synth.templates.web, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('Functions'))

  it('alarms on errors, throttles and p99 duration of every function the web stack creates, each notifying the topic', () => {
    const functions = webFunctions()
    expect(functions.length).toBeGreaterThanOrEqual(8)
    for (const metricName of ['Errors', 'Throttles', 'Duration']) {
      const watching = alarms(ops).filter((alarm) => alarm.MetricName === metricName && alarm.Namespace === 'AWS/Lambda')
      expect(watching, metricName).toHaveLength(functions.length)
      for (const [logicalId] of functions) expect(watching.some((alarm) => watchedFunction(alarm).includes(logicalId)), `${metricName} ${logicalId}`).toBe(true)
    }
    for (const alarm of alarms(ops)) {
      expect(alarm.AlarmActions, alarm.AlarmDescription).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }])
      expect(alarm.AlarmDescription).toMatch(/Runbook: "/)
    }
  })

  it('sets the p99 alarm at 80 % of each function’s own timeout', () => {
    for (const [logicalId, fn] of webFunctions()) {
      const alarm = alarms(ops).find((a) => a.MetricName === 'Duration' && watchedFunction(a).includes(logicalId))!
      expect(alarm.ExtendedStatistic).toBe('p99')
      expect(alarm.Threshold).toBe(Math.round(fn.Properties.Timeout * 1000 * alarmThresholds.p99ShareOfTimeout))
    }
  })

  it('alarms on the 5xx rate of every function CloudFront calls, judged only with enough requests', () => {
    const urls = resourcesOf(synth.templates.web, 'AWS::Lambda::Url')
    const rateAlarms = alarms(ops).filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes('Url5xxCount'))
    expect(rateAlarms).toHaveLength(urls.length)
    const expression = rateAlarms[0].Metrics.find((m: any) => m.Expression).Expression
    expect(expression).toBe(`IF(requests >= ${alarmThresholds.functionUrlMinRequests}, 100 * errors / requests, 0)`)
    expect(rateAlarms[0].Threshold).toBe(alarmThresholds.functionUrl5xxPercent)
  })

  it('alarms on DynamoDB throttles and system errors of both tables', () => {
    for (const metric of ['ThrottledRequests', 'SystemErrors']) {
      const matching = alarms(ops).filter((alarm) => JSON.stringify(alarm.Metrics ?? []).includes(`"MetricName":"${metric}"`))
      expect(matching, metric).toHaveLength(2)
      const tables = matching.map((alarm) => JSON.stringify(alarm.Metrics).match(/(Content|Counters)Table/)?.[1]).sort()
      expect(tables).toEqual(['Content', 'Counters'])
    }
  })

  it('alarms as soon as a batch lands in the invalidator’s failure queue, and on the scheduler’s failures', () => {
    const queue = alarms(ops).find((alarm) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible')
    expect(queue).toMatchObject({ Statistic: 'Maximum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' })
    expect(JSON.stringify(queue!.Dimensions)).toMatch(/InvalidatorFailures/)
    expect(alarms(ops).find((alarm) => alarm.MetricName === 'FailedInvocations')).toMatchObject({ Namespace: 'AWS/Events', Threshold: 1 })
    // Given-up scheduled changes are counted from the scheduler's JSON log lines.
    ops.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.outcome = "failed" }',
      MetricTransformations: [Match.objectLike({ MetricName: 'ScheduledChangesFailed', MetricValue: '1' })],
    })
    expect(alarms(ops).find((alarm) => alarm.MetricName === 'ScheduledChangesFailed')).toMatchObject({ Threshold: 1, Statistic: 'Sum' })
  })

  it('sends alarms to an encrypted topic with the operator’s e-mail subscribed, in both regions', () => {
    for (const template of [ops, edgeAlarms]) {
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() })
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'vakt@kompetansebroen.example.no' })
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true })
    }
    expect(synth.stacks.edgeAlarms.region).toBe('us-east-1')
  })

  it('alarms on the 5xx rate of both distributions in us-east-1, where CloudFront publishes its metrics', () => {
    const edge = alarms(edgeAlarms)
    expect(edge).toHaveLength(2)
    for (const alarm of edge) {
      expect(alarm).toMatchObject({ Namespace: 'AWS/CloudFront', MetricName: '5xxErrorRate', Threshold: distributionAlarmThreshold })
      expect(alarm.Dimensions).toContainEqual({ Name: 'Region', Value: 'Global' })
      // The distribution id comes from the web stack's output in its own region.
      expect(JSON.stringify(alarm.Dimensions)).toMatch(/Fn::GetStackOutput.*kompetansebroen-prod-web/)
    }
  })

  it('draws one dashboard with CloudFront from us-east-1 beside the functions and tables', () => {
    const [, dashboard] = resource(ops, 'AWS::CloudWatch::Dashboard', '')
    const body = JSON.stringify(dashboard.Properties.DashboardBody)
    expect(body).toContain('AWS/CloudFront')
    expect(body).toContain('\\"region\\":\\"us-east-1\\"')
    expect(body).toContain('ConsumedReadCapacityUnits')
  })

  it('backs up both tables and the media bucket daily for 35 days into a vault that reports failed jobs', () => {
    const [, plan] = resource(ops, 'AWS::Backup::BackupPlan', '')
    expect(plan.Properties.BackupPlan.BackupPlanRule).toEqual([
      expect.objectContaining({
        ScheduleExpression: `cron(0 ${backupSchedule.hourUtc} * * ? *)`,
        Lifecycle: { DeleteAfterDays: backupSchedule.retentionDays },
      }),
    ])
    const [, selection] = resource(ops, 'AWS::Backup::BackupSelection', '')
    const resources = JSON.stringify(selection.Properties.BackupSelection.Resources)
    for (const name of ['ContentTable', 'CountersTable', 'BucketsMedia']) expect(resources).toContain(name)
    ops.hasResourceProperties('AWS::Backup::BackupVault', {
      Notifications: { BackupVaultEvents: Match.arrayWith(['BACKUP_JOB_FAILED', 'RESTORE_JOB_FAILED']), SNSTopicArn: Match.anyValue() },
    })
    // PITR stays on: the plan adds copies, it does not replace continuous recovery.
    for (const [, table] of resourcesOf(synth.templates.data, 'AWS::DynamoDB::Table')) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true })
    }
  })

  it('keeps every function’s logs for a month', () => {
    for (const [, group] of resourcesOf(synth.templates.web, 'AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBeGreaterThan(0)
  })
})
