import { Duration, Stack } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
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
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { Construct } from 'constructs'
import { fileURLToPath } from 'node:url'
import type { AssetManifest } from '../../web/assets.ts'
import { contentTable, mediaBucket as mediaDefinition, type TableDefinition } from '../definitions.ts'
import type { ApiAuthSettings } from './auth.ts'
import { acknowledge, arnFinding } from './nag.ts'

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))

/** See the module's comment; relative to the project root, where CDK runs esbuild. */
const lambdaCredentialsModule = 'functions/shared/lambda-credentials.ts'

/**
 * ESM output so top-level await and `import.meta` work; CommonJS dependencies bundled into an ES module
 * still call `require` for Node built-ins, which only exists if we create it.
 */
export const esmRequireBanner =
  "import { createRequire as __kbCreateRequire } from 'node:module'; const require = __kbCreateRequire(import.meta.url);"

const dynamoRead = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']
// Every write goes through a transaction or a conditional single write (functions/shared/db.ts); nothing
// batch-writes, so BatchWriteItem is not granted.
const dynamoWrite = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']

/** The table and each index by name: least privilege without an `index/*` wildcard. */
const tableAndIndexArns = (table: ITable, definition: TableDefinition) => [
  table.tableArn,
  ...definition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
]

interface LambdaSpec {
  entry: string
  description: string
  memorySize: number
  timeout: Duration
  environment: Record<string, string>
}

/** One Node.js function with its own role, log group and IAM-authenticated Function URL. */
export class AppLambda extends Construct {
  readonly fn: NodejsFunction
  readonly role: Role
  readonly url: FunctionUrl

  constructor(scope: Construct, id: string, spec: LambdaSpec) {
    super(scope, id)
    // An explicit role instead of the default one: no AWSLambdaBasicExecutionRole (it may write to any log
    // group in the account); each statement below is exactly what this function does.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${id} function: ${spec.description}`,
    })
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH })
    logGroup.grantWrite(this.role)

    this.fn = new NodejsFunction(this, 'Function', {
      entry: spec.entry,
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
        esbuildArgs: { '--alias': `@aws-sdk/credential-provider-node=./${lambdaCredentialsModule}` },
        tsconfig: repoFile('tsconfig.json'),
        logLevel: LogLevel.WARNING,
      },
    })
    // CloudFront reaches the function through origin access control only; the URL itself refuses
    // unsigned callers.
    this.url = this.fn.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM })
  }
}

export interface AppFunctionsProps {
  tables: { content: ITable; counters: ITable }
  mediaBucket: IBucket
  /** Hashed asset paths for the site's `<link>`/`<script>` tags. */
  manifest: AssetManifest
  /** Only known (and only set) with a custom domain; the distribution's own domain would be a cycle. */
  siteOrigin?: string
  auth: ApiAuthSettings
  /** SSM parameter the web stack writes the distribution id to, for cache invalidations. */
  distributionIdParameter: string
}

/** The api (`/api/*`) and site (reader pages) functions, built by the local esbuild from functions/entry. */
export class AppFunctions extends Construct {
  readonly api: AppLambda
  readonly site: AppLambda

  constructor(scope: Construct, id: string, props: AppFunctionsProps) {
    super(scope, id)
    const shared: Record<string, string> = {
      CONTENT_TABLE: props.tables.content.tableName,
      COUNTERS_TABLE: props.tables.counters.tableName,
      MEDIA_BUCKET: props.mediaBucket.bucketName,
      ...(props.siteOrigin ? { SITE_ORIGIN: props.siteOrigin } : {}),
    }

    this.api = new AppLambda(this, 'Api', {
      entry: repoFile('functions/entry/api.ts'),
      description: 'Public JSON API, editor API, uploads and feeds (/api/*)',
      memorySize: 1024,
      // Just under CloudFront's 30 s origin read timeout, so the function's own error reaches the viewer.
      timeout: Duration.seconds(29),
      environment: {
        ...shared,
        AUTH_ISSUER: props.auth.issuer,
        AUTH_JWKS_URL: props.auth.jwksUrl,
        AUTH_CLIENT_ID: props.auth.clientId,
        AUTH_HOSTED_UI_URL: props.auth.hostedUiUrl,
        USER_POOL_ID: props.auth.userPoolId,
        // The editor's preview renders the reader page, which links the hashed stylesheet.
        ASSETS: JSON.stringify(props.manifest),
        DISTRIBUTION_ID_PARAMETER: props.distributionIdParameter,
      },
    })
    this.grantApi(props)

    this.site = new AppLambda(this, 'Site', {
      entry: repoFile('functions/entry/site.ts'),
      description: 'Server-rendered reader pages (CloudFront default behaviour)',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: { ...shared, ASSETS: JSON.stringify(props.manifest) },
    })
    // Scheduled publishing and unpublishing: the api function checks once a minute for what is due.
    new Rule(this, 'ScheduleRunner', {
      description: 'Runs scheduled publish/unpublish that is due (functions/content/scheduling.ts)',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.api.fn, { retryAttempts: 0 })],
    })
    // Reader pages only ever read published content (transcripts included): one or two GetItem/Query calls
    // per page. Media reach readers from S3 through CloudFront, never through this function.
    this.site.role.addToPolicy(
      new PolicyStatement({ actions: dynamoRead, resources: tableAndIndexArns(props.tables.content, contentTable) }),
    )
  }

  private grantApi(props: AppFunctionsProps) {
    const role = this.api.role
    role.addToPolicy(
      new PolicyStatement({
        // DescribeTable: the health check's cheapest proof that DynamoDB answers.
        actions: [...dynamoRead, ...dynamoWrite, 'dynamodb:DescribeTable'],
        resources: tableAndIndexArns(props.tables.content, contentTable),
      }),
    )
    // Presigned POST/multipart uploads are signed with this role, so it needs exactly what browsers do,
    // and only under the staging prefix, where confirming reads (verifies) and then deletes them.
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [props.mediaBucket.arnForObjects(`${mediaDefinition.stagingKeyPrefix}*`)],
      }),
    )
    // Readers' keys are written only by copying a verified upload there, and removed with the media item.
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [props.mediaBucket.arnForObjects(`${mediaDefinition.keyPrefix}*`)],
      }),
    )
    acknowledge(
      role,
      'Object keys are generated per upload (uploads/{tenant}/{id}/{file} while staged, then ' +
        'tenants/{tenant}/media/{id}/{file}), so they cannot be listed in advance; each wildcard is confined to ' +
        'one prefix of this one media bucket, and tenant checks happen in the api before any key is signed.',
      `AwsSolutions-IAM5[${arnFinding(props.mediaBucket, `/${mediaDefinition.stagingKeyPrefix}*`)}]`,
      `AwsSolutions-IAM5[${arnFinding(props.mediaBucket, `/${mediaDefinition.keyPrefix}*`)}]`,
    )
    // Admins manage editor accounts and a new tenant's editor group through the api.
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:ListUsers',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:CreateGroup',
        ],
        resources: [props.auth.userPoolArn],
      }),
    )
    // ListBucket: HeadBucket (health check) and listing an upload's objects.
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.mediaBucket.bucketArn] }))
    role.addToPolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ssm',
            resource: 'parameter',
            resourceName: props.distributionIdParameter.replace(/^\//, ''),
          }),
        ],
      }),
    )
  }
}
