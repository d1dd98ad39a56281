import { ArnFormat, Duration, Stack } from 'aws-cdk-lib'
import { experimental, LambdaEdgeEventType, type EdgeLambda } from 'aws-cdk-lib/aws-cloudfront'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Architecture, Code, Runtime } from 'aws-cdk-lib/aws-lambda'
import { Construct } from 'constructs'
import { buildSync } from 'esbuild'
import { repoFile } from './app-lambda.ts'
import { acknowledge, findingEnv } from './nag.ts'

/** Relative to the project root: the one source of the handler, also run by the local router. */
export const formBodyHashEntry = 'infra/edge/form-body-hash.ts'

/**
 * The handler bundled to one CommonJS file small enough for CloudFormation's inline code (4 KB), so the template
 * carries exactly what runs and tests can run it from there, as they do the CloudFront Functions.
 */
export function formBodyHashCode(): string {
  const result = buildSync({
    entryPoints: [repoFile(formBodyHashEntry)],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'warning',
  })
  const code = result.outputFiles[0]!.text
  if (code.length > 4096) throw new Error(`${formBodyHashEntry} bundles to ${code.length} bytes, over inline code's 4096`)
  return code
}

export interface FormBodyHashProps {
  prefix: string
  /** The us-east-1 stack Lambda@Edge functions must live in (created by infra/stacks/index.ts). */
  edgeStack: Stack
}

/**
 * The Lambda@Edge function that lets a reader's plain HTML form POST reach the public API through origin access
 * control (infra/edge/form-body-hash.ts says how). `association` goes on the public API's behaviour.
 */
export class FormBodyHash extends Construct {
  readonly function: experimental.EdgeFunction
  readonly association: EdgeLambda

  constructor(scope: Construct, id: string, props: FormBodyHashProps) {
    super(scope, id)
    const { edgeStack } = props
    const functionName = `${props.prefix}-form-body-hash`
    // Lambda@Edge writes its logs in whichever region served the request, to /aws/lambda/us-east-1.{name}, and
    // creates that group on first use there: the role may create and write exactly that group, in any region.
    const role = new Role(edgeStack, 'FormBodyHashRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Lambda@Edge form-body-hash: writes its own logs, nothing else',
    })
    const logGroupArn = Stack.of(edgeStack).formatArn({
      service: 'logs',
      region: '*',
      resource: 'log-group',
      resourceName: `/aws/lambda/us-east-1.${functionName}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    })
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroupArn, `${logGroupArn}:*`],
      }),
    )

    this.function = new experimental.EdgeFunction(this, 'Function', {
      stackId: edgeStack.node.id,
      functionName,
      description: 'Sets x-amz-content-sha256 on form POSTs to the public API so origin access control can sign them',
      code: Code.fromInline(formBodyHashCode()),
      handler: 'index.handler',
      // Lambda@Edge's newest Node.js runtime (CloudFront docs, "Restrictions on Lambda@Edge": Node.js 22);
      // Lambda@Edge runs on x86_64 only.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.X86_64,
      memorySize: 128,
      // Hashing a 1 MB body takes milliseconds; a request is never held longer than this.
      timeout: Duration.seconds(5),
      role,
    })
    this.association = {
      eventType: LambdaEdgeEventType.ORIGIN_REQUEST,
      functionVersion: this.function.currentVersion,
      includeBody: true,
    }
    this.acknowledgeFindings(role, functionName)
  }

  private acknowledgeFindings(role: Role, functionName: string) {
    const { partition, account } = findingEnv(role)
    const group = `arn:${partition}:logs:*:${account}:log-group:/aws/lambda/us-east-1.${functionName}`
    acknowledge(
      role,
      'Lambda@Edge runs in every CloudFront region and writes its logs there, to a group named ' +
        '/aws/lambda/us-east-1.{function} that it creates on first use, so the region cannot be named in advance; ' +
        'the statement is confined to that one log group name and its streams, and allows only creating and writing logs.',
      `AwsSolutions-IAM5[Resource::${group}]`,
      `AwsSolutions-IAM5[Resource::${group}:*]`,
    )
    acknowledge(
      this.function.lambda,
      'Node.js 22 is the newest runtime Lambda@Edge supports (CloudFront developer guide, "Restrictions on ' +
        'Lambda@Edge", supported runtimes), while regional Lambda already offers Node.js 24; the handler uses only ' +
        'node:crypto and is tested on the Node.js the project runs.',
      'AwsSolutions-L1',
    )
  }
}
