import type { PublishedItem } from '../../../functions/content/schema.ts'
import { shareDescription, shareImageOf, sharePicture } from '../../../functions/content/sharing.ts'
import type { Tenant } from '../../../functions/tenants/schema.ts'
import { heroSizes, Picture } from '../components/picture.tsx'
import { TopicLinks, topicsOf } from '../components/item-parts.tsx'
import { RichText } from '../components/rich-text.tsx'
import { formatDate } from '../format.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { itemJsonLd } from '../structured-data.ts'
import { oembedPath } from '../../../functions/embeds/paths.ts'
import { audienceText, t, typeText } from '../text.ts'
import { EventDetails, FilmDetails, PodcastDetails } from './item-details.tsx'
import { offlineSave, ReaderActions } from '../components/reader-actions.tsx'

const ogTypes = { 'e-kurs': 'website', film: 'video.other', podkast: 'website', artikler: 'article', arrangementer: 'website' } as const

export function ItemPage(props: { ctx: PageContext; item: PublishedItem; owner: Tenant; now: Date }) {
  const { ctx, item, owner } = props
  const path = paths.item(item)
  const url = new URL(path, ctx.origin).href
  const topics = topicsOf(item.topics, ctx)
  const shareImage = shareImageOf(item)
  return (
    <Document
      ctx={ctx}
      meta={{
        title: item.title,
        // The editor's «Deling og søk» (issue 17), else the summary and main image.
        description: shareDescription(item),
        canonical: path,
        image: shareImage && sharePicture(shareImage),
        ogType: ogTypes[item.type],
        islands: [
          ...(item.type === 'podkast' ? ['player'] : item.type === 'film' && item.video.externalUrl && !item.video.src ? ['external-video'] : []),
          // Favourites on every item; saving for use without a network on articles (issue 14).
          'favourites-button',
          ...(item.type === 'artikler' ? ['offline-save'] : []),
        ],
        jsonLd: itemJsonLd(item, owner, url, ctx.origin),
        // oEmbed discovery (issue 18): intranets and learning platforms that unfurl a pasted link find the embed.
        alternates: [{ type: 'application/json+oembed', href: oembedPath(url), title: item.title }],
      }}
    >
      <article class="item">
        <p class="eyebrow">
          <a href={paths.listing(ctx.edition.id, item.type)}>{typeText[item.type].one}</a>
        </p>
        <h1>{item.title}</h1>
        <p class="lead">{item.summary}</p>
        <p class="provenance">
          {/* The article's author, as saved in the workspace's «Forfatter» (issue 17). */}
          {item.type === 'artikler' && item.author && <>{t.writtenBy(item.author)} · </>}
          {item.sharedNationally && !owner.national ? t.sharedFrom(owner.name) : t.publishedBy(owner.name)} ·{' '}
          {t.published} <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
        </p>
        <ReaderActions favourite={{ path, title: item.title }} saves={item.type === 'artikler' ? [offlineSave(path, item.title)] : []} />
        {item.image && item.type !== 'film' && <Picture class="hero" image={item.image} sizes={heroSizes} first />}
        {item.type === 'film' && <FilmDetails item={item} />}
        {item.type === 'arrangementer' && <EventDetails item={item} now={props.now} />}
        <RichText doc={item.body} />
        {item.type === 'podkast' && <PodcastDetails item={item} now={props.now} />}
        <dl class="facts">
          {item.audiences.length > 0 && (
            <>
              <dt>{t.targetGroup}</dt>
              <dd>{item.audiences.map((audience) => audienceText[audience]).join(', ')}</dd>
            </>
          )}
          {topics.length > 0 && (
            <>
              <dt>{t.topicsOnItem}</dt>
              <dd>
                <TopicLinks topics={topics} ctx={ctx} />
              </dd>
            </>
          )}
        </dl>
      </article>
    </Document>
  )
}
