import type { ComponentChildren } from 'preact'
import type { ContentCard, PublishedItem } from '../../../functions/content/schema.ts'
import type { Tenant } from '../../../functions/tenants/schema.ts'
import { CardFacts } from '../components/cards.tsx'
import { Picture } from '../components/picture.tsx'
import type { PageContext } from '../layout.tsx'
import { absoluteUrl } from '../origin.ts'
import { paths } from '../paths.ts'
import { t } from '../text.ts'
import { embedText } from './embed-text.ts'

/**
 * The embeddable pages (issue 18): framed by other sites, so a document of their own rather than the site's layout.
 * No script, no header, no beacon, no cookie; one small stylesheet (web/styles/embed.css) with no fixed heights, so
 * a frame of any width shows the content at its natural height. The edition's colour themes it. Links leave the
 * frame for a new tab: an intranet page should stay where its reader left it.
 */
function EmbedDocument(props: { ctx: PageContext; title: string; canonical?: string; children: ComponentChildren }) {
  const { ctx } = props
  return (
    <html lang="nb">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t.siteName}`}</title>
        {/* The item's own page is what search engines should find, not its copies in other sites' frames. */}
        <meta name="robots" content="noindex" />
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {ctx.assets['embed.css'] && <link rel="stylesheet" href={ctx.assets['embed.css']} />}
        <link rel="icon" href="data:," />
      </head>
      <body style={`--brand:${ctx.edition.colour}`}>
        <main>{props.children}</main>
      </body>
    </html>
  )
}

/** A link out of the frame, saying so to screen readers. */
function OutLink(props: { href: string; children: ComponentChildren }) {
  return (
    <a href={props.href} target="_blank" rel="noopener">
      {props.children}
      <span class="visually-hidden">{embedText.newTab}</span>
    </a>
  )
}

/** `/innebygd/{tenant}/{type}/{slug}`: one item's card, in its owner's colour. */
export function EmbedCardPage(props: { ctx: PageContext; item: PublishedItem; owner: Tenant; card: ContentCard }) {
  const { ctx, item, owner } = props
  const url = absoluteUrl(ctx.origin, paths.item(item))
  return (
    <EmbedDocument ctx={ctx} title={item.title} canonical={url}>
      <article>
        {item.image && <Picture image={item.image} sizes="100vw" first />}
        <h1>
          <OutLink href={url}>{item.title}</OutLink>
        </h1>
        <p>{item.summary}</p>
        <CardFacts card={props.card} catalog={ctx.catalog} editionId={owner.id} />
        <p class="source">{embedText.from(owner.name)}</p>
      </article>
    </EmbedDocument>
  )
}

/** `/innebygd/{edition}/siste`: an edition's newest items, on one topic or all. */
export function EmbedLatestPage(props: { ctx: PageContext; topic?: { slug: string; name: string }; cards: ContentCard[] }) {
  const { ctx, topic, cards } = props
  const edition = ctx.edition
  const title = embedText.latestTitle(edition.name, topic?.name)
  const more = topic ? paths.topic(edition.id, topic.slug) : paths.home(edition.id)
  return (
    <EmbedDocument ctx={ctx} title={title}>
      <h1>{title}</h1>
      {cards.length === 0 ? (
        <p>{embedText.nothingYet}</p>
      ) : (
        <ul class="latest">
          {cards.map((card) => (
            <li>
              <h2>
                <OutLink href={absoluteUrl(ctx.origin, paths.itemIn(card, edition.id))}>{card.title}</OutLink>
              </h2>
              <CardFacts card={card} catalog={ctx.catalog} editionId={edition.id} />
            </li>
          ))}
        </ul>
      )}
      <p class="more">
        <OutLink href={absoluteUrl(ctx.origin, more)}>{topic ? embedText.moreOnTopic(topic.name) : embedText.moreOnSite}</OutLink>
      </p>
    </EmbedDocument>
  )
}

/** What a frame shows when its address is wrong or its item gone: the frame's own size, not the site's error page. */
export function EmbedErrorPage(props: { ctx: PageContext; status: keyof typeof embedText.errors; detail?: string }) {
  const title = embedText.errors[props.status]
  return (
    <EmbedDocument ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {props.detail && <p>{props.detail}</p>}
      <p class="more">
        <OutLink href={absoluteUrl(props.ctx.origin, '/')}>{embedText.moreOnSite}</OutLink>
      </p>
    </EmbedDocument>
  )
}
