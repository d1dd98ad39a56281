import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { NATIONAL_TENANT } from '../../functions/reader-services.ts'
import { requestLog } from '../../functions/shared/request-log.ts'
import { isStorageUnavailable, unavailableRetryAfterSeconds } from '../../functions/shared/unavailable.ts'
import { ErrorPage } from './pages/errors.tsx'
import { ReaderError, type Pages } from './pages-kit.tsx'
import { unavailableHtml } from './unavailable-html.ts'

/** The reader's 404 page, in the national edition's dress. */
export const readerNotFound =
  (pages: Pages): NotFoundHandler =>
  async (c) =>
    pages.render(c, <ErrorPage ctx={pages.pageContext(c, await pages.services.catalog.get(), NATIONAL_TENANT)} status={404} />, 404)

/**
 * Every reader page's error, as a page in bokmål: 400, 404 and 410 as the route threw them, anything else 500 and
 * logged. Shared by the site and the search function, whose pages are the site's.
 */
export const readerErrorHandler =
  (pages: Pages): ErrorHandler =>
  async (error, c) => {
    if (isStorageUnavailable(error)) return unavailablePage(pages, c, error)
    const status = error instanceof HTTPException && [400, 404, 410].includes(error.status) ? (error.status as 400 | 404 | 410) : 500
    if (status === 500) requestLog(c).error('Unhandled error', { error })
    try {
      const catalog = await pages.services.catalog.get()
      // Shared layers explain a 400 in English for the API; readers get bokmål.
      const detail =
        status === 400
          ? error instanceof ReaderError
            ? error.message
            : 'Adressen inneholder en ugyldig verdi, for eksempel en utgått sidelenke. Gå til første side og prøv igjen.'
          : undefined
      return pages.render(c, <ErrorPage ctx={pages.pageContext(c, catalog, NATIONAL_TENANT)} status={status} detail={detail} />, status)
    } catch {
      // The catalog itself is unreachable: answer with a page that needs nothing from storage.
      c.header('cache-control', 'no-store')
      return c.html('<!doctype html><html lang="nb"><meta charset="utf-8"><title>Kompetansebroen</title><h1>Noe gikk galt hos oss</h1><p>Prøv igjen om litt.</p></html>', 500)
    }
  }

/**
 * Storage out of reach (issue 15): 503 with Retry-After, never cached, in bokmål. The catalog is usually in memory
 * still, so the reader gets the edition's own page with a way on; otherwise a page that needs nothing from storage.
 */
async function unavailablePage(pages: Pages, c: Context, error: Error): Promise<Response> {
  requestLog(c).warn('Storage unavailable', { error })
  let response: Response
  try {
    const catalog = await pages.services.catalog.get()
    response = await pages.render(c, <ErrorPage ctx={pages.pageContext(c, catalog, NATIONAL_TENANT)} status={503} />, 503)
  } catch {
    c.header('cache-control', 'no-store')
    response = c.html(unavailableHtml(), 503)
  }
  response.headers.set('retry-after', String(unavailableRetryAfterSeconds))
  return response
}
