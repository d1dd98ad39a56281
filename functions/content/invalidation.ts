import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront'
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { itemPath } from './paths.ts'
import { contentTypes, type ContentType } from './schema.ts'

/** Where an item was (or is) visible to readers: its address and the editions listing it. */
export interface Visibility {
  tenant: string
  /** The address readers reach it at; an address answering 410 counts, since its page changes too. */
  path?: { type: ContentType; slug: string }
  editions: string[]
}

/** The CloudFront paths of an edition's pages (the national edition's live at the root too). */
export function editionPaths(edition: string, nationalTenant: string): string[] {
  const paths = [`/${edition}*`]
  if (edition === nationalTenant) paths.push('/', '/feed.xml', '/sitemap.xml', '/fagtema*', ...contentTypes.map((type) => `/${type}*`))
  return paths
}

/**
 * The exact paths a change affected, from the state before and after it: both addresses (a slug change makes
 * the old one 404 and the new one live) with everything under them (episodes, feeds), and the pages of every
 * edition that listed it before or lists it now (a withdrawn item must leave them all, national included).
 */
export function changedPaths(before: Visibility | undefined, after: Visibility | undefined, nationalTenant: string): string[] {
  const paths = new Set<string>()
  for (const state of [before, after]) {
    if (!state) continue
    if (state.path) paths.add(`${itemPath({ tenant: state.tenant, ...state.path })}*`)
    for (const edition of state.editions) for (const path of editionPaths(edition, nationalTenant)) paths.add(path)
  }
  return [...paths].sort()
}

/** Refreshes the CDN for the paths a change affected; `reference` names the change in CloudFront's log. */
export type Invalidate = (paths: string[], reference: string) => Promise<void>

/**
 * In AWS the distribution id sits in an SSM parameter (an environment variable would make a dependency cycle
 * between the function and the distribution). Locally there is no CDN, and this does nothing.
 */
export function createInvalidator(options: { distributionIdParameter?: string; region: string }): Invalidate {
  const parameter = options.distributionIdParameter
  if (!parameter) return async () => {}
  const ssm = new SSMClient({ region: options.region })
  // CloudFront's API lives in us-east-1 whatever the function's region.
  const cloudfront = new CloudFrontClient({ region: 'us-east-1' })
  let distributionId: Promise<string> | undefined
  return async (paths, reference) => {
    if (!paths.length) return
    distributionId ??= ssm.send(new GetParameterCommand({ Name: parameter })).then((result) => result.Parameter?.Value ?? '')
    try {
      await cloudfront.send(
        new CreateInvalidationCommand({
          DistributionId: await distributionId,
          InvalidationBatch: { CallerReference: `${reference}-${Date.now()}`, Paths: { Quantity: paths.length, Items: paths } },
        }),
      )
    } catch (error) {
      // The change is saved; pages catch up within their cache lifetime. Log, don't fail the editor's request.
      distributionId = undefined
      console.error('CloudFront invalidation failed', error)
    }
  }
}
