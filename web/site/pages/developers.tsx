import { audiences, contentTypes } from '../../../functions/content/vocabulary.ts'
import { editionCalendarPath, eventCalendarPath, webcalUrl } from '../../../functions/events/calendar-paths.ts'
import { frameWidth, latestFrameHeight } from '../../../functions/embeds/frame.ts'
import { embedLatestPath, latestCount, oembedPath } from '../../../functions/embeds/paths.ts'
import { apiDocsPath, openApiPath } from '../../../functions/openapi/paths.ts'
import { embedPathPrefix } from '../../../infra/definitions.ts'
import { NATIONAL_TENANT } from '../../../functions/reader-services.ts'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { atomParams, atomPath } from '../routes/atom.ts'
import { developersText as text } from './developers-text.ts'

/** The public API's read routes as they exist (functions/public-api.ts, functions/search/routes.ts), described for integrators. */
const apiRoutes = [
  { route: '/api/v1/editions', about: 'Redaksjonene (utgavene) med id, navn og region.' },
  { route: '/api/v1/topics', about: 'Fagtemaene med adresse (slug), navn og kort omtale.' },
  {
    route: '/api/v1/editions/{utgave}/items?type=&limit=&cursor=',
    about: 'Publisert innhold i en utgave, nyeste først, som kort. type er en innholdstype, limit 1–100 (20), cursor er nextCursor fra forrige side.',
  },
  { route: '/api/v1/items/{redaksjon}/{type}/{slug}', about: 'Ett publisert innhold med alle feltene. Avpublisert innhold svarer 410.' },
  { route: '/api/v1/cards?path=…&path=…', about: 'Kortene til opptil 50 sider i rekkefølgen du ber om, med status 200, 404 eller 410 for hver.' },
  {
    route: '/api/v1/search?q=&edition=&type=&topic=&audience=&limit=&cursor=',
    about: 'Søk i alt publisert innhold (bøyningsformer, sammensatte ord og skrivefeil), med fasetter og markerte treff. limit 1–50 (10).',
  },
  { route: '/api/v1/search/suggestions?q=&edition=&limit=', about: 'Opptil 8 titler som passer til det som er skrevet så langt.' },
  { route: openApiPath, about: 'Beskrivelsen av API-et (OpenAPI 3.1), for kodegeneratorer og verktøy som Postman.' },
  { route: '/api/health', about: 'Driftsstatus: 200 når alt virker, ellers 503.' },
] as const

const Snippet = ({ code }: { code: string }) => (
  <pre>
    <code>{code}</code>
  </pre>
)

/** `/for-utviklere`: the API, the feeds and the calendars, with copy-paste snippets (issue 18). Plain HTML, no script. */
export function DevelopersPage({ ctx }: { ctx: PageContext }) {
  const url = (path: string) => new URL(path, ctx.origin).href
  // Address patterns keep their {placeholders} readable, where URL() would percent-encode them.
  const pattern = (path: string) => `${ctx.origin.replace(/\/+$/, '')}${path}`
  const editions = ctx.catalog.tenants
  const example = editions.find((edition) => !edition.national) ?? ctx.edition
  const topic = ctx.catalog.topics[0]
  const filtered = atomPath(example.id, { type: 'podkast', topic: topic?.slug })
  return (
    <Document ctx={ctx} meta={{ title: text.title, description: text.description }}>
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      <nav aria-labelledby="innhold-pa-siden">
        <h2 id="innhold-pa-siden">{text.contents}</h2>
        <ul>
          <li><a href="#api">{text.apiHeading}</a></li>
          <li><a href="#atom">{text.atomHeading}</a></li>
          <li><a href="#rss">{text.rssHeading}</a></li>
          <li><a href="#kalender">{text.calendarHeading}</a></li>
          <li><a href="#innebygging">{text.embedHeading}</a></li>
          <li><a href="#adresser">{text.perEdition}</a></li>
        </ul>
      </nav>

      <h2 id="api">{text.apiHeading}</h2>
      <p>{text.apiIntro}</p>
      <p>
        {text.openApi} <a href={openApiPath}>{openApiPath}</a> (<a href={apiDocsPath}>{text.openApiBrowse}</a>).
      </p>
      <dl class="api-routes">
        {apiRoutes.map((entry) => (
          <>
            <dt>
              <code>GET {entry.route}</code>
            </dt>
            <dd>{entry.about}</dd>
          </>
        ))}
      </dl>
      <h3>{text.example}</h3>
      <Snippet code={`curl '${url(`/api/v1/editions/${example.id}/items?type=podkast&limit=5`)}'`} />

      <h2 id="atom">{text.atomHeading}</h2>
      <p>{text.atomIntro}</p>
      <Snippet code={[url(paths.atom(NATIONAL_TENANT)), url(paths.atom(example.id))].join('\n')} />
      <h3>{text.atomParams}</h3>
      <ul>
        <li>
          <code>{atomParams.type}</code>: {text.atomParamType(contentTypes.join(', '))}
        </li>
        <li>
          <code>{atomParams.topic}</code>: {text.atomParamTopic} <code>{topic?.slug ?? 'demens'}</code>.
        </li>
        <li>
          <code>{atomParams.audience}</code>: {text.atomParamAudience(audiences.join(', '))}
        </li>
      </ul>
      <Snippet code={url(filtered)} />
      <p>{text.discoveryHint}</p>
      <Snippet code={`<link rel="alternate" type="application/atom+xml" title="${example.name}" href="${url(paths.atom(example.id))}">`} />

      <h2 id="rss">{text.rssHeading}</h2>
      <p>{text.rssIntro}</p>
      <Snippet code={[url('/feed.xml'), url(`/${example.id}/feed.xml`), pattern('/{redaksjon}/podkast/{serie}/feed.xml')].join('\n')} />
      <p>
        <a href={paths.listing(NATIONAL_TENANT, 'podkast')}>{text.podcastList}</a>
      </p>

      <h2 id="kalender">{text.calendarHeading}</h2>
      <p>{text.calendarIntro}</p>
      <Snippet
        code={[
          webcalUrl(url(editionCalendarPath(NATIONAL_TENANT))),
          webcalUrl(url(editionCalendarPath(example.id))),
          `# ${text.calendarTopic}`,
          url(editionCalendarPath(example.id, topic?.slug ?? 'demens')),
          `# ${text.calendarOne}`,
          pattern(eventCalendarPath({ tenant: example.id, slug: '{arrangement}' })),
        ].join('\n')}
      />

      <h2 id="innebygging">{text.embedHeading}</h2>
      <p>{text.embedIntro}</p>
      <h3>{text.embedLatest}</h3>
      <Snippet
        code={`<iframe src="${url(embedLatestPath(example.id, { topic: topic?.slug, count: latestCount.default }))}" title="${example.name}" width="${frameWidth.default}" height="${latestFrameHeight(latestCount.default)}" style="border:0;max-width:100%" loading="lazy"></iframe>`}
      />
      <h3>{text.embedCard}</h3>
      <Snippet code={pattern(`${embedPathPrefix}{redaksjon}/{type}/{adresse}`)} />
      <h3>oEmbed</h3>
      <p>{text.oembedIntro}</p>
      <Snippet code={`curl '${url(oembedPath(url(`/${example.id}/e-kurs/{adresse}`)))}'`.replace('%7Badresse%7D', '{adresse}')} />

      <h2 id="adresser">{text.perEdition}</h2>
      {editions.map((edition) => (
        <section aria-labelledby={`adresser-${edition.id}`}>
          <h3 id={`adresser-${edition.id}`}>{edition.name}</h3>
          <ul>
            <li>
              Atom: <a href={paths.atom(edition.id)}><code>{url(paths.atom(edition.id))}</code></a>
            </li>
            <li>
              RSS: <a href={edition.national ? '/feed.xml' : `/${edition.id}/feed.xml`}><code>{url(edition.national ? '/feed.xml' : `/${edition.id}/feed.xml`)}</code></a>
            </li>
            <li>
              Kalender: <code>{url(editionCalendarPath(edition.id))}</code>
            </li>
          </ul>
        </section>
      ))}
    </Document>
  )
}
