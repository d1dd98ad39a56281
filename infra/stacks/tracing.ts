import type { CfnFunction } from 'aws-cdk-lib/aws-lambda'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IConstruct } from 'constructs'
import { AppLambda } from './app-lambda.ts'
import { acknowledge } from './nag.ts'

/**
 * `-c tracing=true`: X-Ray active tracing on every function in `roots`, found in the construct tree so none is missed.
 * Lambda then records each invocation (init, duration, errors) as a trace; the functions carry no X-Ray SDK (its bytes
 * would count against the readers' bundle budgets), so calls to DynamoDB and S3 show only as the function's time.
 * Off by default: traces cost money per million and are for chasing a problem, not for every day.
 */
export function enableTracing(roots: IConstruct[]): AppLambda[] {
  const functions = roots.flatMap((root) => root.node.findAll()).filter((c): c is AppLambda => c instanceof AppLambda)
  for (const lambda of functions) {
    ;(lambda.fn.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' }
    // What Lambda's tracing needs on the function's role (Lambda developer guide, "Visualize Lambda function
    // invocations using AWS X-Ray"); X-Ray's write actions take no resource but `*`.
    lambda.role.addToPolicy(new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }))
    acknowledge(
      lambda.role,
      'X-Ray trace segments and telemetry cannot be confined to a resource (X-Ray supports no resource-level permissions ' +
        'for PutTraceSegments and PutTelemetryRecords); the statement allows only writing traces, and exists only when the ' +
        'operator deploys with -c tracing=true.',
      'AwsSolutions-IAM5[Resource::*]',
    )
  }
  return functions
}
