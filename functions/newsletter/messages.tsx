import { renderToString } from 'preact-render-to-string'
import type { ComponentChildren } from 'preact'
import { typeText } from '../../web/site/text.ts'
import type { Mail } from '../events/mail.ts'
import type { IssueItem } from './issue-model.ts'

/*
 * The newsletter's e-mails in bokmål, all wording in one place: the confirmation of a sign-up, the answer to a
 * sign-up for an address already subscribed, and an issue. Plain text and HTML say the same; the HTML is rendered by
 * Preact, so an editor's text can never become markup, and it is simple enough to read as text too.
 */

export interface Edition {
  id: string
  name: string
}

function page(children: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <html lang="nb">
      <body style="font-family:sans-serif;line-height:1.5;max-width:40em">
        {children}
      </body>
    </html>,
  )}`
}

const signature = (edition: Edition) => `Hilsen redaksjonen i Kompetansebroen ${edition.name}`

export function confirmMessage(input: { edition: Edition; email: string; confirmUrl: string }): Mail {
  const { edition, confirmUrl } = input
  const lead = `Noen, forhåpentligvis du, vil abonnere på nyhetsbrevet fra Kompetansebroen ${edition.name} med denne adressen.`
  const ask = 'Bekreft abonnementet innen 48 timer: åpne lenken og trykk «Ja, bekreft abonnementet».'
  const ignore = 'Var det ikke deg? Da trenger du ikke gjøre noe: uten bekreftelse sletter vi adressen etter 48 timer, og du får ingen nyhetsbrev.'
  const text = [lead, '', ask, confirmUrl, '', ignore, '', signature(edition)].join('\n')
  const html = page(
    <>
      <p>{lead}</p>
      <p>
        <a href={confirmUrl}>Bekreft abonnementet</a> (lenken virker i 48 timer)
      </p>
      <p>{ignore}</p>
      <p>{signature(edition)}</p>
    </>,
  )
  return { to: input.email, subject: `Bekreft abonnementet på nyhetsbrevet fra Kompetansebroen ${edition.name}`, text, html, tags: { tenant: edition.id } }
}

export function alreadySubscribedMessage(input: { edition: Edition; email: string; preferencesUrl: string }): Mail {
  const { edition, preferencesUrl } = input
  const lead = `Noen ba om å abonnere på nyhetsbrevet fra Kompetansebroen ${edition.name} med denne adressen, men du abonnerer allerede.`
  const change = 'Vil du endre hva du får, eller melde deg av? Bruk lenken:'
  const text = [lead, '', change, preferencesUrl, '', signature(edition)].join('\n')
  const html = page(
    <>
      <p>{lead}</p>
      <p>
        <a href={preferencesUrl}>Endre valgene dine eller meld deg av</a>
      </p>
      <p>{signature(edition)}</p>
    </>,
  )
  return { to: input.email, subject: `Du abonnerer allerede på nyhetsbrevet fra Kompetansebroen ${edition.name}`, text, html, tags: { tenant: edition.id } }
}

export interface IssueMessageInput {
  edition: Edition
  subject: string
  intro: string
  items: (IssueItem & { url: string })[]
  email: string
  preferencesUrl: string
  unsubscribeUrl: string
}

/**
 * An issue to one subscriber. Every one carries List-Unsubscribe with its own https link (RFC 2369) and
 * List-Unsubscribe-Post (RFC 8058), so a mail client's "unsubscribe" button POSTs to it and the address is gone.
 */
export function issueMessage(input: IssueMessageInput): Mail {
  const { edition } = input
  const why = `Du får denne e-posten fordi du abonnerer på nyhetsbrevet fra Kompetansebroen ${edition.name}.`
  const paragraphs = input.intro.split(/\n{2,}/).filter(Boolean)
  const text = [
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...input.items.flatMap((item) => [`${typeText[item.type].one}: ${item.title}`, item.summary, item.url, '']),
    signature(edition),
    '',
    '--',
    why,
    `Endre hva du får: ${input.preferencesUrl}`,
    `Meld deg av: ${input.unsubscribeUrl}`,
  ].join('\n')
  const html = page(
    <>
      {paragraphs.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {input.items.map((item) => (
        <>
          <h2 style="font-size:1.15em;margin-bottom:0">
            <a href={item.url}>{item.title}</a>
          </h2>
          <p style="margin-top:0.25em">
            <em>{typeText[item.type].one}.</em> {item.summary}
          </p>
        </>
      ))}
      <p>{signature(edition)}</p>
      <hr />
      <p style="font-size:0.9em">
        {why} <a href={input.preferencesUrl}>Endre hva du får</a> eller <a href={input.unsubscribeUrl}>meld deg av</a>.
      </p>
    </>,
  )
  return {
    to: input.email,
    subject: input.subject,
    text,
    html,
    headers: [
      { name: 'List-Unsubscribe', value: `<${input.unsubscribeUrl}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
    tags: { tenant: edition.id },
  }
}
