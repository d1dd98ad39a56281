import { contentTypes } from '../../../functions/content/vocabulary.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t, typeText } from '../text.ts'
import { mineText } from './mine-text.ts'

/** The cards' wording the favourites island needs (it draws the same cards as listings, from the public API). */
const cardLabels = () =>
  JSON.stringify({
    types: Object.fromEntries(contentTypes.map((type) => [type, typeText[type].one])),
    minutes: t.minutes(0).replace('0', '{n}'),
    unavailable: mineText.unavailable,
    offline: mineText.offlineCards,
    remove: mineText.remove,
    removeHidden: mineText.removeFavouriteHidden,
    removed: mineText.removedFavourite,
    empty: mineText.favouritesEmpty,
    loading: mineText.loading,
    summary: mineText.importSummary,
    imported: mineText.imported,
    copied: mineText.copied,
  })

/**
 * `/mine`: a reader's favourites and what they saved for use without a network. The server knows none of it (it is
 * all in the browser, issue 14), so it sends the same shell to everyone, saying what needs JavaScript; the
 * favourites island (web/islands/favourites-page.ts) and the saved-content island (web/islands/offline-saved.ts)
 * fill it in.
 */
export function MinePage({ ctx }: { ctx: PageContext }) {
  return (
    <Document ctx={ctx} meta={{ title: mineText.title, description: mineText.intro, noindex: true, islands: ['favourites-page', 'offline-saved'] }}>
      <h1>{mineText.title}</h1>
      <p class="lead">{mineText.intro}</p>
      <section class="notice mine-import" aria-labelledby="importer" data-favourites-import hidden>
        <h2 id="importer" tabIndex={-1}>
          {mineText.importTitle}
        </h2>
        <p data-import-summary />
        <ul class="cards" data-import-list />
        <p>
          <button type="button" class="button" data-import-confirm>
            {mineText.importConfirm}
          </button>{' '}
          <button type="button" class="toggle" data-import-cancel>
            {mineText.importCancel}
          </button>
        </p>
      </section>
      <section aria-labelledby="favoritter">
        <h2 id="favoritter" tabIndex={-1}>
          {mineText.favourites}
        </h2>
        <p role="status" class="reader-status" data-favourites-status />
        <div data-favourites={cardLabels()}>
          <p class="notice">{mineText.favouritesNeedJs}</p>
        </div>
        <div class="mine-share" data-favourites-share hidden>
          <h3>{mineText.share}</h3>
          <p>{mineText.shareIntro}</p>
          <p>
            <button type="button" class="toggle" data-share-make>
              {mineText.makeLink}
            </button>
          </p>
          <p data-share-link hidden>
            <label for="favorittlenke">{mineText.linkLabel}</label>
            <br />
            <input id="favorittlenke" type="url" readOnly />{' '}
            <button type="button" class="toggle" data-share-copy>
              {mineText.copy}
            </button>
          </p>
        </div>
      </section>
      <section aria-labelledby="lagret">
        <h2 id="lagret" tabIndex={-1}>
          {mineText.savedTitle}
        </h2>
        <p role="status" class="reader-status" data-saved-status />
        <div
          data-offline-saved
          data-unsupported={mineText.savedUnsupported}
          data-empty={mineText.savedEmpty}
          data-usage={mineText.savedUsage}
          data-remove={mineText.remove}
          data-remove-hidden={mineText.removeSavedHidden}
          data-removed={mineText.removedSaved}
        >
          <p class="notice">{mineText.savedNeedJs}</p>
        </div>
      </section>
      <p>
        {mineText.courses} <a href={paths.myCourses}>{mineText.myCourses}</a>.
      </p>
    </Document>
  )
}
