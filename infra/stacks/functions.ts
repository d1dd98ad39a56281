import { Annotations, Duration, Stack } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { FunctionUrl } from 'aws-cdk-lib/aws-lambda'
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3'
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications'
import { Construct } from 'constructs'
import { statPrefix } from '../../functions/analytics/keys.ts'
import type { AssetManifest } from '../../web/assets.ts'
import { mediaBucket as mediaDefinition } from '../definitions.ts'
import { AppLambda } from './app-lambda.ts'
import { NewsletterMail } from './newsletter.ts'
import type { ApiAuthSettings } from './auth.ts'
import { acknowledge } from './nag.ts'
import {
  acknowledgeMediaPrefixes,
  grantContent,
  grantPartitions,
  grantCourseStats,
  grantMediaList,
  grantMediaPrefix,
  grantReaderRecords,
  grantNewsletterRecords,
  grantSignupRecords,
} from './grants.ts'

/** The sender for an SES identity (`-c sesIdentity`): the address itself, or `pamelding@` a domain. */
export const mailFromFor = (identity: string) => (identity.includes('@') ? identity : `Kompetansebroen <pamelding@${identity}>`)

// Where tests imported it from before the functions were split (the construct now lives in app-lambda.ts).
export { esmRequireBanner } from './app-lambda.ts'

export interface AppFunctionsProps {
  tables: { content: ITable; counters: ITable }
  mediaBucket: IBucket
  /** Hashed asset paths for the site's `<link>`/`<script>` tags. */
  manifest: AssetManifest
  /** Only known (and only set) with a custom domain; the distribution's own domain would be a cycle. */
  siteOrigin?: string
  /** The SCORM origin (scorm-cdn.ts), whose player the site frames on a SCORM course's page. */
  scormOrigin?: string
  auth: ApiAuthSettings
  /** The SES identity (domain or address) event sign-ups' e-mail is sent from; none: no e-mail (`-c sesIdentity`). */
  sesIdentity?: string
}

/**
 * The six functions, split by who waits for them: readers (site, public API), the reader taking an exam (exams),
 * editors (editor API), and nobody (scheduler, media worker). Each has its own role with exactly
 * what its code does, built by the local esbuild from functions/entry.
 */
export class AppFunctions extends Construct {
  readonly site: AppLambda
  readonly publicApi: AppLambda
  readonly exams: AppLambda
  readonly search: AppLambda
  readonly events: AppLambda
  readonly editorApi: AppLambda
  readonly scheduler: AppLambda
  readonly mediaWorker: AppLambda
  /** The newsletter's SES configuration set, bounce topic and bounce function (issue 14); only with `-c sesIdentity`. */
  readonly newsletter?: NewsletterMail
  /** The Function URLs CloudFront's behaviours call (infra/stacks/cdn.ts). */
  readonly urls: { site: FunctionUrl; publicApi: FunctionUrl; exams: FunctionUrl; search: FunctionUrl; events: FunctionUrl; editorApi: FunctionUrl }

  constructor(scope: Construct, id: string, props: AppFunctionsProps) {
    super(scope, id)
    // configFromEnv (functions/shared/config.ts) reads these in every function.
    const shared: Record<string, string> = {
      CONTENT_TABLE: props.tables.content.tableName,
      COUNTERS_TABLE: props.tables.counters.tableName,
      MEDIA_BUCKET: props.mediaBucket.bucketName,
      ...(props.siteOrigin ? { SITE_ORIGIN: props.siteOrigin } : {}),
    }
    const content = props.tables.content
    this.newsletter = props.sesIdentity ? new NewsletterMail(this, 'Newsletter', { table: content, environment: shared }) : undefined
    // Who sends e-mail (events, scheduler, the editor's test send) sends from the identity, through the configuration set.
    const mail: Record<string, string> = props.sesIdentity
      ? { MAIL_FROM: mailFromFor(props.sesIdentity), ...(this.newsletter ? { MAIL_CONFIGURATION_SET: this.newsletter.configurationSet.configurationSetName } : {}) }
      : {}

    // Readers: published content only, one or two GetItem/Query calls per page. Media reach readers from S3
    // through CloudFront, never through these functions.
    this.site = new AppLambda(this, 'Site', {
      entry: 'functions/entry/site.ts',
      omitEventStreams: true,
      description: 'Server-rendered reader pages (CloudFront default behaviour)',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: { ...shared, ASSETS: JSON.stringify(props.manifest), ...(props.scormOrigin ? { SCORM_ORIGIN: props.scormOrigin } : {}) },
    })
    grantContent(this.site.role, content, {})

    this.publicApi = new AppLambda(this, 'PublicApi', {
      entry: 'functions/entry/public-api.ts',
      omitEventStreams: true,
      description: 'Public JSON API, read-only (/api/* but /api/editor/* and the exams paths)',
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: shared,
    })
    // Its health check reads with the same permission (functions/health/routes.ts). Reads only: readers' form posts
    // go to the exams function.
    grantContent(this.publicApi.role, content, {})

    // Readers' exam form posts (start, answers, kursbevis PDF: pdf-lib, qrcode ~460 KB) only for the reader taking
    // an exam (issue 16), so the public API stays read-only.
    this.exams = new AppLambda(this, 'Exams', {
      entry: 'functions/entry/exams.ts',
      omitEventStreams: true,
      description: 'Readers\' exam form posts: start, answers, kursbevis PDF (POST /api/v1/exams/*, /api/v1/attempts/*)',
      memorySize: 1024,
      // Drawing the PDF takes a few hundred ms warm; room for a cold start's first one.
      timeout: Duration.seconds(15),
      environment: shared,
    })
    // Starting an attempt reads the catalog, the published course and its exam; the form posts write readers' own
    // partitions (ATTEMPT#, CERT#) and nothing else.
    grantContent(this.exams.role, content, {})
    grantReaderRecords(this.exams.role, content)
    // Scoring an attempt and the progress island's beacons add to courses' anonymous counts, and nothing else.
    grantCourseStats(this.exams.role, props.tables.counters, 'count')
    // The page-view beacon adds to page views (issue 15), and to nothing else.
    grantPartitions(this.exams.role, props.tables.counters, [statPrefix], ['dynamodb:UpdateItem'])

    // Search (issue 12): the search API and pages, with the in-memory index only it loads (search documents and the
    // change log, both in the content table). Reads only: the documents are written by the publish transactions.
    this.search = new AppLambda(this, 'Search', {
      entry: 'functions/entry/search.ts',
      omitEventStreams: true,
      description: 'Search: /api/v1/search*, /sok and /{edition}/sok, over an in-memory index of published items',
      // Building the index on a cold start is CPU work, and Lambda gives CPU in proportion to memory.
      memorySize: 1536,
      timeout: Duration.seconds(10),
      // Its pages are the site's: the same hashed stylesheet and islands.
      environment: { ...shared, ASSETS: JSON.stringify(props.manifest) },
    })
    grantContent(this.search.role, content, {})

    // Event sign-ups (issue 13): the sign-up pages and their form posts, cancel links, and their e-mail through SES.
    this.events = new AppLambda(this, 'Events', {
      entry: 'functions/entry/events.ts',
      omitEventStreams: true,
      description: 'Event sign-ups: /*/arrangementer/*/pamelding* and /avmelding/*, with their e-mail (SES v2)',
      memorySize: 1024,
      // A rush of sign-ups for one event retries lost races for a while (functions/events/retry.ts).
      timeout: Duration.seconds(15),
      // Its pages are the site's: the same hashed stylesheet.
      environment: { ...shared, ASSETS: JSON.stringify(props.manifest), ...mail },
    })
    this.grantEvents(props)

    this.editorApi = new AppLambda(this, 'EditorApi', {
      entry: 'functions/entry/editor-api.ts',
      description: 'Editor workspace API: editing, publishing, uploads, administration (/api/editor/*)',
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
        // The newsletter's test send (issue 14).
        ...mail,
      },
    })
    this.grantEditorApi(props)

    this.scheduler = new AppLambda(this, 'Scheduler', {
      entry: 'functions/entry/scheduler.ts',
      omitEventStreams: true,
      description: 'Scheduled publishing and unpublishing that is due, event sign-ups\' follow-ups and reminders (EventBridge, every minute)',
      memorySize: 512,
      // A run stops taking records after 40 s (functions/content/scheduling.ts), well inside the minute.
      timeout: Duration.seconds(55),
      environment: { ...shared, ...mail },
    })
    // Its publishes write the CDN's outbox record like the editor's (the invalidator function sends it on); the same
    // grant covers event sign-ups' follow-ups and reminders (functions/events/sync.ts, reminders.ts): reading an
    // event's sign-up partition and the conditional updates. Their e-mail goes from the events function's identity.
    grantContent(this.scheduler.role, content, { write: true })
    if (props.sesIdentity) this.grantSendEmail(this.scheduler, props.sesIdentity)
    new Rule(this, 'ScheduleRunner', {
      description: 'Runs scheduled publish/unpublish that is due (functions/content/scheduling.ts)',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.scheduler.fn, { retryAttempts: 0 })],
    })

    this.mediaWorker = new AppLambda(this, 'MediaWorker', {
      entry: 'functions/entry/media-worker.ts',
      description: 'Verifies each staged upload and copies it to its public key (S3 ObjectCreated on uploads/)',
      // Parsing and measuring media is CPU work, and Lambda gives CPU in proportion to memory.
      memorySize: 2048,
      timeout: Duration.minutes(5),
      environment: shared,
    })
    this.grantMediaWorker(props)

    this.urls = {
      site: this.site.addOriginUrl(),
      publicApi: this.publicApi.addOriginUrl(),
      exams: this.exams.addOriginUrl(),
      editorApi: this.editorApi.addOriginUrl(),
      search: this.search.addOriginUrl(),
      events: this.events.addOriginUrl(),
    }
  }

  private grantEvents(props: AppFunctionsProps) {
    const { role } = this.events
    // Reads the catalog and the published event; writes only sign-up partitions (SIGNUP#, SIGNUPTOKEN#) and the
    // newsletter's (subscribers, their links' tokens, the sign-up rate limit: NEWSLETTER*).
    grantContent(role, props.tables.content, {})
    grantSignupRecords(role, props.tables.content)
    grantNewsletterRecords(role, props.tables.content)
    if (!props.sesIdentity) {
      Annotations.of(this.events).addWarningV2(
        'kompetansebroen:no-ses-identity',
        'No -c sesIdentity=…: event sign-ups work, but no confirmation or cancel-link e-mail is sent.',
      )
      return
    }
    this.grantSendEmail(this.events, props.sesIdentity)
  }

  /**
   * Sending from the configured identity, and only from it (SES authorises SendEmail on the sending identity), through
   * the newsletter's configuration set (which SES authorises too).
   */
  private grantSendEmail(fn: AppLambda, identity: string) {
    const resources = [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: identity }), ...(this.newsletter ? [this.newsletter.configurationSetArn] : [])]
    fn.role.addToPolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources }))
  }

  private grantEditorApi(props: AppFunctionsProps) {
    const { role } = this.editorApi
    const bucket = props.mediaBucket
    grantContent(role, props.tables.content, { write: true })
    // The newsletter's test send to the editor's own address (issue 14).
    if (props.sesIdentity) this.grantSendEmail(this.editorApi, props.sesIdentity)
    // A course's statistics page (the counts only; the exams function writes them).
    grantCourseStats(role, props.tables.counters, 'read')
    // The statistics page (issue 15): page views and downloads, read only.
    grantPartitions(role, props.tables.counters, [statPrefix], ['dynamodb:Query'])
    // Presigned POST/multipart uploads are signed with this role, so it needs exactly what browsers do, and only
    // under the staging prefix, where confirming reads (verifies) and then deletes them.
    grantMediaPrefix(role, bucket, mediaDefinition.stagingKeyPrefix, [
      's3:GetObject',
      's3:PutObject',
      's3:DeleteObject',
      's3:AbortMultipartUpload',
      's3:ListMultipartUploadParts',
    ])
    // Readers' keys are written only by copying a verified upload there, and removed with the media item.
    grantMediaPrefix(role, bucket, mediaDefinition.keyPrefix, ['s3:PutObject', 's3:DeleteObject'])
    acknowledgeMediaPrefixes(role, bucket, [mediaDefinition.stagingKeyPrefix, mediaDefinition.keyPrefix])
    // HeadBucket (health check) and a missing object's 404.
    grantMediaList(role, bucket)
    // Admins manage editor accounts and a new tenant's editor group here; no other function touches Cognito.
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:ListUsers',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminListGroupsForUser',
          // Admins change an editor's editions and admin right, and deactivate or reactivate accounts (issue 17).
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          // Deactivating also revokes the account's refresh tokens, so no tab stays signed in (issue 17).
          'cognito-idp:AdminUserGlobalSignOut',
          // The newsletter's test send goes to the signed-in editor's own verified address (issue 14); an editor's
          // name, read once per sign-in for history, conflicts and presence (issue 17).
          'cognito-idp:AdminGetUser',
          'cognito-idp:CreateGroup',
        ],
        resources: [props.auth.userPoolArn],
      }),
    )
  }

  private grantMediaWorker(props: AppFunctionsProps) {
    const { role, fn } = this.mediaWorker
    const bucket = props.mediaBucket
    grantContent(role, props.tables.content, { write: true })
    // Reads (verifies) a staged upload and deletes it once copied; writes the copy and its image variants to the
    // public key, and removes what it wrote there when a variant fails or a delete won the race.
    grantMediaPrefix(role, bucket, mediaDefinition.stagingKeyPrefix, ['s3:GetObject', 's3:DeleteObject'])
    grantMediaPrefix(role, bucket, mediaDefinition.keyPrefix, ['s3:PutObject', 's3:DeleteObject'])
    acknowledgeMediaPrefixes(role, bucket, [mediaDefinition.stagingKeyPrefix, mediaDefinition.keyPrefix])
    // A redelivered event finds its staged object gone: that must be S3's 404, not a 403.
    grantMediaList(role, bucket)
    // Only the staging prefix: the worker's own copies land under tenants/, so they never trigger it again.
    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: mediaDefinition.stagingKeyPrefix })
    // CDK writes the notification configuration with a handler of its own, a singleton at stack level.
    const handler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'))
    const handlerRole = handler?.node.tryFindChild('Role')
    if (handlerRole) {
      acknowledge(
        handlerRole,
        "aws-cdk-lib's S3 bucket-notifications handler (a CDK singleton custom resource) attaches " +
          'AWSLambdaBasicExecutionRole to its role; it runs only during CloudFormation deploys to write the media ' +
          "bucket's notification configuration and touches no reader or editor data, so the managed policy's " +
          'log permissions expose nothing at run time.',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      )
    }
  }
}
