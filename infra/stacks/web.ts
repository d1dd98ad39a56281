import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { Construct } from 'constructs'
import { editorWorkspacePath, placeholderOrigin, type ApiAuthSettings } from './auth.ts'
import type { AppLambda } from './app-lambda.ts'
import { Cdn } from './cdn.ts'
import { AppFunctions } from './functions.ts'
import { SearchCollection } from './search-collection.ts'
import { addInvalidator } from './invalidator.ts'
import { addAccessLogCounter } from './access-log-counter.ts'
import type { DeployOptions, WebBuild } from './index.ts'
import { MediaBuckets } from './media.ts'
import { ScormCdn } from './scorm-cdn.ts'

export interface WebStackProps extends StackProps {
  prefix: string
  options: DeployOptions
  siteOrigin?: string
  web: WebBuild
  tables: { content: ITable; counters: ITable }
  auth: ApiAuthSettings
  /** The us-east-1 stack for the Lambda@Edge function on the public API's behaviour. */
  edgeStack: Stack
}

/**
 * Everything behind the one public domain: buckets, the functions and the distribution.
 * They share a stack because they reference each other both ways (OAC bucket policies name the
 * distribution, the distribution names the buckets and Function URLs; the media bucket notifies the media
 * worker, whose role names the bucket); across stacks that is a cycle.
 */
export class WebStack extends Stack {
  readonly buckets: MediaBuckets
  readonly functions: AppFunctions
  readonly cdn: Cdn
  /** SCORM packages and their player, on an origin apart from the site's (scorm-cdn.ts). */
  readonly scormCdn: ScormCdn
  readonly invalidator: AppLambda
  readonly accessLogs: AppLambda

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props)

    this.buckets = new MediaBuckets(this, 'Buckets', {
      // Without a custom domain there is no stable site origin yet (see auth.ts); uploads need the domain.
      uploadOrigin: props.siteOrigin ?? placeholderOrigin,
      assetsDir: props.web.assetsDir,
    })
    // Before the functions and the site's distribution: the site frames its origin, and allows exactly that one.
    this.scormCdn = new ScormCdn(this, 'ScormCdn', { prefix: props.prefix, buckets: this.buckets, siteOrigin: props.siteOrigin, webAclArn: props.options.webAclArn })
    this.functions = new AppFunctions(this, 'Functions', {
      tables: props.tables,
      mediaBucket: this.buckets.media,
      manifest: props.web.manifest,
      siteOrigin: props.siteOrigin,
      scormOrigin: this.scormCdn.origin,
      auth: props.auth,
      sesIdentity: props.options.sesIdentity,
    })
    // Search beyond the in-memory index, only when the operator asks for it (-c searchBackend=opensearch).
    if (props.options.searchBackend === 'opensearch') new SearchCollection(this, 'SearchCollection', { prefix: props.prefix, search: this.functions.search })
    this.cdn = new Cdn(this, 'Cdn', {
      prefix: props.prefix,
      options: props.options,
      buckets: this.buckets,
      urls: this.functions.urls,
      signInUrl: props.auth.hostedUiUrl,
      scormOrigin: this.scormCdn.origin,
      edgeStack: props.edgeStack,
    })
    const { distribution } = this.cdn

    // Changes readers see reach the CDN through the content table's stream (the CDN's outbox), so the only function
    // that may invalidate is this one, and no function CloudFront calls carries CloudFront code (issue 16).
    this.invalidator = addInvalidator(this.functions, { distribution, content: props.tables.content })
    // Podcast downloads and film plays (issue 15): counted from each log file the distribution delivers.
    this.accessLogs = addAccessLogCounter(this.functions, { logs: this.buckets.logs, tables: props.tables, mediaBucket: this.buckets.media })

    const publicOrigin = props.siteOrigin ?? `https://${distribution.distributionDomainName}`
    new CfnOutput(this, 'SiteUrl', { value: publicOrigin })
    new CfnOutput(this, 'EditorWorkspaceUrl', { value: `${publicOrigin}${editorWorkspacePath}` })
    new CfnOutput(this, 'DistributionDomainName', { value: distribution.distributionDomainName })
    new CfnOutput(this, 'ScormOrigin', { value: this.scormCdn.origin })
    new CfnOutput(this, 'DistributionId', { value: distribution.distributionId })
    new CfnOutput(this, 'MediaBucketName', { value: this.buckets.media.bucketName })
    new CfnOutput(this, 'AssetsBucketName', { value: this.buckets.assets.bucketName })
  }
}
