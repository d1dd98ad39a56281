import type { ContentCard, ContentType } from '../../../functions/content/schema.ts'
import { CardList } from '../components/cards.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t, typeText } from '../text.ts'

/** `?fra=` carries the opaque cursor, so paging is plain links that work without JavaScript. */
export const CURSOR_PARAM = 'fra'

export function ListingPage(props: { ctx: PageContext; type: ContentType; cards: ContentCard[]; nextCursor?: string; isFirstPage: boolean }) {
  const { ctx, type } = props
  const base = paths.listing(ctx.edition.id, type)
  return (
    <Document
      ctx={ctx}
      meta={{
        title: typeText[type].many,
        description: `${typeText[type].intro} ${ctx.edition.name}.`,
        canonical: props.isFirstPage ? base : undefined,
        noindex: !props.isFirstPage,
      }}
    >
      <h1>{typeText[type].many}</h1>
      <p class="lead">{typeText[type].intro}</p>
      <CardList cards={props.cards} catalog={ctx.catalog} editionId={ctx.edition.id} headingLevel={2} />
      <nav class="pager" aria-label="Sider">
        {!props.isFirstPage && <a href={base}>{t.firstPage}</a>}
        {props.nextCursor && (
          <a href={`${base}?${CURSOR_PARAM}=${encodeURIComponent(props.nextCursor)}`} rel="next">
            {t.nextPage}
          </a>
        )}
      </nav>
    </Document>
  )
}
