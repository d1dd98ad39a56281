import { CloudFrontClient, CreateInvalidationCommand, type CloudFrontClientConfig } from '@aws-sdk/client-cloudfront'
import { quietLogger } from '../shared/sdk-options.ts'
import type { SendInvalidation } from './invalidator.ts'

/**
 * Sends invalidations to one CloudFront distribution. Only the invalidator function imports this (the CloudFront
 * client is ~140 KB of bundle). `client` is for tests, which point `endpoint` at a stub on loopback.
 */
export function cloudFrontInvalidations(options: { distributionId: string; client?: CloudFrontClientConfig }): SendInvalidation {
  // CloudFront's API lives in us-east-1 whatever the function's region.
  const cloudfront = new CloudFrontClient({ region: 'us-east-1', logger: quietLogger, ...options.client })
  return async ({ paths, callerReference }) => {
    await cloudfront.send(
      new CreateInvalidationCommand({
        DistributionId: options.distributionId,
        InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: paths } },
      }),
    )
  }
}
