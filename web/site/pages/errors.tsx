import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { t } from '../text.ts'
import { rateLimitText } from './rate-limit-text.ts'

const copy = {
  400: { title: t.badRequestTitle, body: '' },
  404: { title: t.notFoundTitle, body: t.notFoundBody },
  410: { title: t.goneTitle, body: t.goneBody },
  429: { title: rateLimitText.title, body: rateLimitText.body },
  500: { title: t.errorTitle, body: t.errorBody },
  503: { title: t.unavailableTitle, body: t.unavailableBody },
} as const

/** Error pages help the reader on: the edition's home and the topic index. */
export function ErrorPage(props: { ctx: PageContext; status: keyof typeof copy; detail?: string }) {
  const { ctx } = props
  const text = copy[props.status]
  return (
    <Document ctx={ctx} meta={{ title: text.title, description: text.body || text.title, noindex: true }}>
      <h1>{text.title}</h1>
      {text.body && <p class="lead">{text.body}</p>}
      {props.detail && <p>{props.detail}</p>}
      <ul>
        <li>
          <a href={paths.home(ctx.edition.id)}>{t.goHome(ctx.edition.name)}</a>
        </li>
        <li>
          <a href={paths.topics(ctx.edition.id)}>{t.browseTopics}</a>
        </li>
      </ul>
    </Document>
  )
}
