import type { EventKind } from '../../../functions/content/vocabulary.ts'
import type { SignupField, SignupProblem } from '../../../functions/events/form.ts'

/** What the sign-up and cancellation pages say, in bokmål, in one place (the e-mails: functions/events/messages.tsx). */
export const signupText = {
  signUp: 'Meld deg på',
  signUpFor: (title: string) => `Påmelding: ${title}`,
  description: (title: string) => `Meld deg på ${title}.`,
  intro: 'Fyll ut skjemaet for å melde deg på. Du får en bekreftelse på e-post, med en lenke du kan bruke til å melde deg av.',
  required: '(må fylles ut)',
  optional: '(valgfritt)',
  fields: {
    name: 'Navn',
    email: 'E-postadresse',
    workplace: 'Arbeidssted',
    municipality: 'Kommune',
    needs: 'Behov for tilrettelegging eller spesialkost',
    consent: 'Jeg samtykker',
  } satisfies Record<SignupField, string>,
  needsHint: 'For eksempel allergier, rullestoltilgang eller tolk. Skriv bare det arrangøren trenger å vite.',
  emailHint: 'Bekreftelsen og avmeldingslenken sendes hit.',
  consentHeading: 'Samtykke',
  submit: 'Send påmelding',
  backToEvent: 'Tilbake til arrangementet',
  errorSummary: 'Påmeldingen ble ikke sendt. Rett opp dette:',
  errorPrefix: 'Feil:',
  problems: {
    missing: {
      name: 'Skriv navnet ditt.',
      email: 'Skriv e-postadressen din.',
      workplace: 'Skriv hvor du jobber.',
      municipality: 'Skriv hvilken kommune du jobber i.',
      needs: 'Fyll ut feltet.',
      consent: 'Kryss av for at du samtykker.',
    },
    'too-long': {
      name: 'Navnet er for langt: høyst 200 tegn.',
      email: 'E-postadressen er for lang.',
      workplace: 'Arbeidsstedet er for langt: høyst 200 tegn.',
      municipality: 'Kommunenavnet er for langt: høyst 100 tegn.',
      needs: 'Teksten er for lang: høyst 1000 tegn.',
      consent: 'Kryss av for at du samtykker.',
    },
    'invalid-email': 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    'consent-missing': 'Kryss av for at du samtykker, ellers kan vi ikke melde deg på.',
    invalid: 'Feltet inneholder tegn vi ikke kan ta imot. Skriv vanlig tekst.',
    duplicate: 'Denne e-postadressen er allerede påmeldt. Se etter bekreftelsen i e-posten din; der finner du også lenken for å melde deg av.',
  },
  /** Why the form cannot be sent at all. */
  blocked: {
    'deadline-passed': 'Påmeldingsfristen er ute.',
    closed: 'Påmeldingen er stengt av arrangøren.',
    full: 'Arrangementet er fullt, og det er ingen venteliste.',
  },
  deadline: (when: string) => `Påmeldingsfrist: ${when}.`,
  seatsLeft: (left: number) => (left === 1 ? 'Det er 1 ledig plass.' : `Det er ${left} ledige plasser.`),
  waitingListNotice: 'Arrangementet er fullt. Melder du deg på nå, kommer du på venteliste og får e-post hvis du får plass.',
  receiptTitle: { confirmed: 'Du er påmeldt', waiting: 'Du står på venteliste' },
  receipt: {
    confirmed: 'Takk! Du har fått plass. Vi har sendt en bekreftelse til e-postadressen din, med en lenke du kan bruke hvis du må melde deg av.',
    waiting: 'Takk! Arrangementet er fullt, så du står på venteliste. Vi har sendt deg en e-post, og du får en ny hvis du får plass.',
  },
  /** When SES refused the e-mail after the sign-up was stored: the page must not claim it was sent (issue 13). */
  receiptMailFailed: {
    confirmed: 'Takk! Du har fått plass, og påmeldingen er registrert. Men vi fikk ikke sendt bekreftelsen på e-post.',
    waiting: 'Takk! Arrangementet er fullt, så du står på venteliste, og påmeldingen er registrert. Men vi fikk ikke sendt deg e-post om det nå.',
  },
  receiptCancelHint: 'Ta vare på denne lenken. Den er den eneste måten å melde seg av på uten e-posten:',
  receiptCancelLink: 'Meld meg av',
  privacy: (days: number) =>
    `Vi lagrer det du skriver i skjemaet, og samtykket ditt, bare for å gjennomføre arrangementet. Opplysningene slettes automatisk ${days} dager etter at arrangementet er over.`,
  privacyLink: 'Les mer om personvern',
} as const

/** The consent the form shows and the sign-up stores word for word (DOMAIN.md: the consent text kept with the sign-up). */
export const consentText = (organiser: string, days: number) =>
  `Jeg samtykker i at ${organiser} og Kompetansebroen bruker opplysningene over til å gjennomføre arrangementet (deltakerliste, e-post om arrangementet og tilrettelegging), og at de slettes ${days} dager etter arrangementet.`

export const cancelText = {
  title: 'Meld deg av',
  titleFor: (title: string) => `Avmelding: ${title}`,
  confirm: (name: string, title: string) => `Vil du melde ${name} av «${title}»? Plassen går videre til den første på ventelisten.`,
  submit: 'Meld meg av',
  done: 'Du er meldt av',
  doneText: 'Vi har sendt deg en bekreftelse på e-post. Takk for at du sa fra.',
  already: 'Påmeldingen er allerede avmeldt',
  alreadyText: 'Denne påmeldingen er meldt av fra før. Du trenger ikke gjøre noe mer.',
  unknown: 'Vi finner ikke påmeldingen',
  unknownText: 'Lenken er ugyldig, eller påmeldingen er slettet fordi arrangementet er over.',
  toEvent: 'Gå til arrangementet',
  home: 'Til forsiden',
} as const

export type FormProblem = SignupProblem | 'duplicate'

/** The event page's words for what issue 13 added (the rest is in web/site/text.ts). */
export const eventPageText = {
  kind: 'Type',
  kinds: { kurs: 'Kurs', konferanse: 'Konferanse', webinar: 'Webinar', nettverksmote: 'Nettverksmøte', hospitering: 'Hospitering' } as Record<EventKind, string>,
  map: 'Vis på kart (OpenStreetMap)',
  price: 'Pris',
  free: 'Gratis',
  priceNok: (nok: number) => `${new Intl.NumberFormat('nb-NO').format(nok)} kr`,
  deadline: 'Påmeldingsfrist',
  onlineForParticipants: 'Lenken sendes på e-post til dem som er påmeldt.',
  signUp: 'Meld deg på',
  signupClosed: 'Påmeldingsfristen er ute.',
}
