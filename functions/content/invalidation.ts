import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront'
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { contentTypes } from './schema.ts'
import type { StoredItem } from './store.ts'

/**
 * The CloudFront paths a publish, unpublish or featuring can change: the item itself (and its episodes),
 * and every page of the editions it appears in. Pages are cached for a minute anyway; this makes the change
 * visible at once.
 */
export function pathsToInvalidate(item: Pick<StoredItem, 'tenant' | 'type' | 'slug'> & { publishedFacets?: { editions: string[] } }, nationalTenant: string, previousEditions: string[] = []): string[] {
  const editions = new Set([item.tenant, ...(item.publishedFacets?.editions ?? []), ...previousEditions])
  const paths = new Set([`/${item.tenant}/${item.type}/${item.slug}*`])
  for (const edition of editions) {
    paths.add(`/${edition}*`)
    if (edition === nationalTenant) {
      for (const root of ['/', '/feed.xml', '/sitemap.xml', '/fagtema*', ...contentTypes.map((type) => `/${type}*`)]) paths.add(root)
    }
  }
  return [...paths].sort()
}

export type Invalidate = (item: StoredItem, previousEditions?: string[]) => Promise<void>

/**
 * In AWS the distribution id sits in an SSM parameter (an environment variable would make a dependency cycle
 * between the function and the distribution). Locally there is no CDN, and this does nothing.
 */
export function createInvalidator(options: { distributionIdParameter?: string; region: string; nationalTenant: string }): Invalidate {
  const parameter = options.distributionIdParameter
  if (!parameter) return async () => {}
  const ssm = new SSMClient({ region: options.region })
  // CloudFront's API lives in us-east-1 whatever the function's region.
  const cloudfront = new CloudFrontClient({ region: 'us-east-1' })
  let distributionId: Promise<string> | undefined
  return async (item, previousEditions) => {
    distributionId ??= ssm.send(new GetParameterCommand({ Name: parameter })).then((result) => result.Parameter?.Value ?? '')
    const paths = pathsToInvalidate(item, options.nationalTenant, previousEditions)
    try {
      await cloudfront.send(
        new CreateInvalidationCommand({
          DistributionId: await distributionId,
          InvalidationBatch: { CallerReference: `${item.id}-${item.version}-${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
        }),
      )
    } catch (error) {
      // The change is saved; pages catch up within their cache lifetime. Log, don't fail the editor's request.
      distributionId = undefined
      console.error('CloudFront invalidation failed', error)
    }
  }
}
