import { renderToString } from 'preact-render-to-string'
import { formatEventTime } from '../../web/site/format.ts'
import type { Mail } from './mail.ts'
import type { Participant } from './model.ts'
import { mapLink, type EventItem, retentionDaysOf } from './registration.ts'

/*
 * The sign-up e-mails in bokmål, all wording in one place: confirmation, waiting-list place, promotion from the
 * waiting list, cancellation and the reminder the day before. Plain text and simple HTML say the same; the HTML is
 * rendered by Preact, so a name or title can never become markup.
 */
export type MailKind = 'confirmed' | 'waiting' | 'promoted' | 'cancelled' | 'reminder'

const subjects: Record<MailKind, (title: string) => string> = {
  confirmed: (title) => `Påmelding bekreftet: ${title}`,
  waiting: (title) => `Du står på venteliste: ${title}`,
  promoted: (title) => `Du har fått plass: ${title}`,
  cancelled: (title) => `Du er meldt av: ${title}`,
  reminder: (title) => `Påminnelse: ${title} er i morgen`,
}

const leads: Record<MailKind, string> = {
  confirmed: 'Takk for påmeldingen. Du har fått plass på arrangementet.',
  waiting: 'Arrangementet er fullt, så du står på venteliste. Får du plass, sender vi deg en ny e-post.',
  promoted: 'En plass ble ledig, og du har fått den. Du er nå påmeldt.',
  cancelled: 'Du er meldt av arrangementet. Plassen din går videre til den neste på ventelisten, hvis det er noen der.',
  reminder: 'Vi minner om arrangementet du er påmeldt til i morgen.',
}

export interface MessageInput {
  kind: MailKind
  event: EventItem
  participant: Pick<Participant, 'name' | 'email'>
  /** The event's page, absolute. */
  eventUrl: string
  /** The cancel link, absolute; absent in the cancellation's own e-mail. */
  cancelUrl?: string
}

interface Line {
  label: string
  text: string
  href?: string
}

function details({ kind, event }: MessageInput): Line[] {
  const lines: Line[] = [{ label: 'Tid', text: formatEventTime(event.startsAt, event.endsAt) }]
  if (event.location) {
    const place = [event.location.name, event.location.address].filter(Boolean).join(', ')
    lines.push({ label: 'Sted', text: place }, { label: 'Kart', text: 'Vis stedet på kart (OpenStreetMap)', href: mapLink(event.location) })
  }
  // The online link only to those with a seat; the waiting list gets it when promoted.
  const seated = kind === 'confirmed' || kind === 'promoted' || kind === 'reminder'
  if (event.onlineUrl && seated) lines.push({ label: 'Digital deltakelse', text: event.onlineUrl, href: event.onlineUrl })
  lines.push({ label: 'Arrangør', text: [event.organiser, ...(event.coOrganisers ?? [])].join(', ') })
  return lines
}

const privacy = (event: EventItem) =>
  `Vi bruker opplysningene dine bare til dette arrangementet og sletter dem ${retentionDaysOf(event)} dager etter at det er over.`

export function signupMessage(input: MessageInput): Mail {
  const { kind, event, participant } = input
  const lines = details(input)
  const cancel = input.cancelUrl ? `Kan du ikke komme? Meld deg av her: ${input.cancelUrl}` : undefined
  const text = [
    `Hei ${participant.name},`,
    '',
    leads[kind],
    '',
    event.title,
    ...lines.map((line) => `${line.label}: ${line.href && line.href !== line.text ? `${line.text} (${line.href})` : line.text}`),
    `Mer om arrangementet: ${input.eventUrl}`,
    '',
    ...(cancel ? [cancel, ''] : []),
    privacy(event),
    '',
    'Hilsen Kompetansebroen',
  ].join('\n')
  const html = renderToString(
    <html lang="nb">
      <body>
        <p>Hei {participant.name},</p>
        <p>{leads[kind]}</p>
        <h1 style="font-size:1.25em">{event.title}</h1>
        <dl>
          {lines.map((line) => (
            <>
              <dt style="font-weight:bold">{line.label}</dt>
              <dd>{line.href ? <a href={line.href}>{line.text}</a> : line.text}</dd>
            </>
          ))}
        </dl>
        <p>
          <a href={input.eventUrl}>Mer om arrangementet</a>
        </p>
        {input.cancelUrl && (
          <p>
            Kan du ikke komme? <a href={input.cancelUrl}>Meld deg av</a>
          </p>
        )}
        <p>{privacy(event)}</p>
        <p>Hilsen Kompetansebroen</p>
      </body>
    </html>,
  )
  return { to: participant.email, subject: subjects[kind](event.title), text, html: `<!doctype html>${html}` }
}
