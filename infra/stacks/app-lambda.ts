import type { Duration } from 'aws-cdk-lib'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import {
  ApplicationLogLevel,
  Architecture,
  FunctionUrlAuthType,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  type FunctionUrl,
} from 'aws-cdk-lib/aws-lambda'
import { Charset, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { fileURLToPath } from 'node:url'

export const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** See the module's comment; relative to the project root, where CDK runs esbuild. */
const lambdaCredentialsModule = 'functions/shared/lambda-credentials.ts'

/**
 * ESM output so top-level await and `import.meta` work; CommonJS dependencies bundled into an ES module
 * still call `require` for Node built-ins, which only exists if we create it.
 */
export const esmRequireBanner =
  "import { createRequire as __kbCreateRequire } from 'node:module'; const require = __kbCreateRequire(import.meta.url);"

export interface LambdaSpec {
  /** Relative to the project root, e.g. `functions/entry/site.ts`. */
  entry: string
  description: string
  memorySize: number
  timeout: Duration
  environment: Record<string, string>
  /**
   * Leaves the SDK's event-stream codec (~22 KB minified, with its CRC and header code) out of the bundle. DynamoDB's
   * and CloudFront's clients reach it only through a dynamic import() in @smithy/core's HttpProtocol, for operations
   * with event-stream members, which neither has; the S3 client imports it at load, so a bundle with S3 keeps it.
   * The bundled-handler tests load and run every such bundle without it.
   */
  omitEventStreams?: boolean
}

/** One Node.js function with its own role and log group; `addOriginUrl()` where CloudFront calls it. */
export class AppLambda extends Construct {
  readonly fn: NodejsFunction
  readonly role: Role
  /** Its log group (retention a month); the operations stack counts scheduler failures from it. */
  readonly logGroup: LogGroup

  constructor(scope: Construct, id: string, spec: LambdaSpec) {
    super(scope, id)
    // An explicit role instead of the default one: no AWSLambdaBasicExecutionRole (it may write to any log
    // group in the account); each statement added to it is exactly what this function does.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${id} function: ${spec.description}`,
    })
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH })
    logGroup.grantWrite(this.role)
    this.logGroup = logGroup

    this.fn = new NodejsFunction(this, 'Function', {
      entry: repoFile(spec.entry),
      handler: 'handler',
      description: spec.description,
      projectRoot: repoFile(''),
      depsLockFilePath: repoFile('package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memorySize,
      timeout: spec.timeout,
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...spec.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        // Stack traces map back to file and line; the sources themselves need not ship.
        sourcesContent: false,
        charset: Charset.UTF8,
        // Bundle the SDK instead of using the runtime's copy: the tested bundle is exactly what runs, and
        // an SDK update in the Lambda runtime cannot change behaviour under us.
        bundleAwsSDK: true,
        ...(spec.omitEventStreams ? { externalModules: ['@smithy/core/event-streams'] } : {}),
        esbuildArgs: { '--alias': `@aws-sdk/credential-provider-node=./${lambdaCredentialsModule}` },
        tsconfig: repoFile('tsconfig.json'),
        logLevel: LogLevel.WARNING,
      },
    })
  }

  /** CloudFront reaches the function through origin access control only; the URL itself refuses unsigned callers. */
  addOriginUrl(): FunctionUrl {
    return this.fn.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM })
  }
}
