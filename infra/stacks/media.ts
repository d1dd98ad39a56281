import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type BucketProps,
} from 'aws-cdk-lib/aws-s3'
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment'
import { Construct } from 'constructs'
import { assetsPathPrefix, cacheSeconds, mediaBucket as mediaDefinition, serviceWorker } from '../definitions.ts'
import { acknowledge, arnFinding, stagingBucketFinding } from './nag.ts'

export interface MediaBucketsProps {
  /** The one browser origin allowed to upload straight to the media bucket. */
  uploadOrigin: string
  /** Hashed browser assets (dist/web/assets) to publish under `assets/`. */
  assetsDir: string
}

/** Settings every bucket here shares: private, encrypted, TLS 1.2+ only. */
const privateBucket: BucketProps = {
  encryption: BucketEncryption.S3_MANAGED,
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
}

/**
 * The S3 side of the site: editors' media (stateful, retained), the hashed web assets (rebuilt on every
 * deploy) and the bucket the access logs of both and of CloudFront go to.
 */
export class MediaBuckets extends Construct {
  readonly logs: Bucket
  readonly media: Bucket
  readonly assets: Bucket

  constructor(scope: Construct, id: string, props: MediaBucketsProps) {
    super(scope, id)

    this.logs = new Bucket(this, 'Logs', {
      ...privateBucket,
      // CloudFront standard logs are delivered by ACL grant, which needs ACLs enabled on this bucket.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // Access logs hold readers' IP addresses: keep them long enough for incidents, not forever.
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    })
    // No server access logs for the log bucket itself (that would loop); cdk-nag's S1 knows a bucket that
    // receives other buckets' logs is the log bucket and does not flag it.

    this.media = new Bucket(this, 'Media', {
      ...privateBucket,
      // Versioning: an editor's accidental delete or overwrite can be undone.
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/media/',
      cors: [
        {
          allowedOrigins: [props.uploadOrigin],
          allowedMethods: mediaDefinition.cors.allowedMethods.map((method) => HttpMethods[method]),
          allowedHeaders: [...mediaDefinition.cors.allowedHeaders],
          exposedHeaders: [...mediaDefinition.cors.exposedHeaders],
          maxAge: mediaDefinition.cors.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        {
          id: 'abort-incomplete-multipart-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(mediaDefinition.abortIncompleteMultipartUploadAfterDays),
        },
        // Undo window for deletes/overwrites; films are large, so old versions must not pile up forever.
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) },
        // Staged uploads are copied to their public key once verified and then deleted; what an abandoned or
        // refused upload leaves there (and the versions a delete keeps) goes after a day, undo window and all.
        {
          id: 'expire-staged-uploads',
          prefix: mediaDefinition.stagingKeyPrefix,
          expiration: Duration.days(mediaDefinition.stagingExpiryDays),
          noncurrentVersionExpiration: Duration.days(mediaDefinition.stagingExpiryDays),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    })

    this.assets = new Bucket(this, 'Assets', {
      ...privateBucket,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/assets/',
      removalPolicy: RemovalPolicy.RETAIN,
    })
    this.deployAssets(props.assetsDir)
  }

  private deployAssets(assetsDir: string) {
    // Own role and log group for the deployment handler: no AWS-managed policy, bounded log retention.
    const role = new Role(this, 'AssetsDeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the hashed web assets into the assets bucket during deploy',
    })
    const logGroup = new LogGroup(this, 'AssetsDeploymentLogs', { retention: RetentionDays.ONE_MONTH })
    logGroup.grantWrite(role)
    const deployment = { destinationBucket: this.assets, destinationKeyPrefix: assetsPathPrefix.slice(1), role, logGroup, memoryLimit: 512, outputObjectKeys: false }
    new BucketDeployment(this, 'AssetsDeployment', {
      ...deployment,
      sources: [Source.asset(assetsDir)],
      // The service worker is deployed below, with its own caching.
      exclude: [serviceWorker.file],
      // Keep earlier builds: pages cached at the edge (s-maxage + stale-while-revalidate) still name them.
      prune: false,
      // File names carry a content hash, so a name never changes content: cache for good.
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.seconds(cacheSeconds.assets)),
        CacheControl.immutable(),
      ],
    })
    // The service worker keeps one name (served at /sw.js, infra/stacks/cdn.ts), so browsers and the edge revalidate it.
    new BucketDeployment(this, 'ServiceWorkerDeployment', {
      ...deployment,
      sources: [Source.asset(assetsDir)],
      exclude: ['*'],
      include: [serviceWorker.file],
      prune: false,
      cacheControl: [CacheControl.fromString(serviceWorker.cacheControl)],
    })
    acknowledge(
      role,
      deploymentGrantReason,
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[${stagingBucketFinding(this)}]`,
      `AwsSolutions-IAM5[${arnFinding(this.assets, '/*')}]`,
    )
    // The handler is a CDK-owned singleton at stack level, not a child of the deployment construct.
    const handler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))
    if (handler) {
      acknowledge(
        handler,
        "aws-cdk-lib's BucketDeployment ships its handler for a fixed Python runtime (python3.13, still " +
          'supported by Lambda) and offers no way to choose it; it runs only during deploys and moves on ' +
          'when aws-cdk-lib is updated.',
        'AwsSolutions-L1',
      )
    }
  }
}

const deploymentGrantReason =
  "Generated by CDK's BucketDeployment (aws s3 sync): read on the CDK staging asset and read/write on this " +
  "stack's assets bucket only. The wildcards are action families and object keys within those two buckets; " +
  'the handler runs only during CloudFormation deploys.'
