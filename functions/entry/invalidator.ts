import { cloudFrontInvalidations } from '../content/cloudfront.ts'
import { createInvalidationHandler } from '../content/invalidator.ts'

// Read once at the edge: the distribution this function may invalidate (and only it, by its role).
const distributionId = process.env.DISTRIBUTION_ID
if (!distributionId) throw new Error('Missing environment variable DISTRIBUTION_ID')

/**
 * Lambda entry for the content table's stream (infra/stacks/functions.ts): outbox records of changes readers see
 * become CloudFront invalidations (functions/content/invalidator.ts). No DynamoDB client: the stream hands over
 * each record whole.
 */
export const handler = createInvalidationHandler({ send: cloudFrontInvalidations({ distributionId }) })
