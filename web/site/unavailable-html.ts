import { t } from './text.ts'

/**
 * The 503 page that needs nothing from storage (issue 15): for a site page whose catalog is out of reach too, and for
 * media the local router cannot fetch from the S3 emulator. Plain HTML, bokmål, no assets to load.
 */
export const unavailableHtml = () =>
  `<!doctype html><html lang="nb"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${t.unavailableTitle} – Kompetansebroen</title><h1>${t.unavailableTitle}</h1><p>${t.unavailableBody}</p></html>`
