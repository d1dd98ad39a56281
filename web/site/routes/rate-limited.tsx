import type { Context } from 'hono'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { rateLimit } from '../../../functions/shared/rate-limit.ts'
import { ErrorPage } from '../pages/errors.tsx'
import { rateLimitText } from '../pages/rate-limit-text.ts'
import type { Pages } from '../pages-kit.tsx'

/**
 * A reader form's limiter (functions/shared/rate-limit.ts) answering with the site's 429 page in bokmål. Generous
 * on purpose: a hospital's staff share one address, and registering colleagues one by one is ordinary. The WAF's
 * rules (infra/stacks/rate-limits.ts) are the limit that holds across Lambda containers.
 */
export function readerFormLimit(pages: Pages, options: { limit: number; windowMs: number }) {
  return rateLimit({
    ...options,
    refuse: async (c: Context, seconds: number) => {
      const ctx = pages.pageContext(c, await pages.services.catalog.get(), NATIONAL_TENANT)
      return pages.render(c, <ErrorPage ctx={ctx} status={429} detail={rateLimitText.retryIn(seconds)} />, 429)
    },
  })
}
