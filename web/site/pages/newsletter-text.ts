import type { SubscribeField, SubscribeProblem } from '../../../functions/newsletter/form.ts'

/** What the newsletter's pages say, in bokmål, in one place (the e-mails: functions/newsletter/messages.tsx). */
export const newsletterText = {
  title: (edition: string) => `Nyhetsbrev fra ${edition}`,
  description: (edition: string) => `Abonner på nyhetsbrevet fra Kompetansebroen ${edition}: nytt innhold, kurs og arrangementer på e-post.`,
  intro: 'Få e-post når redaksjonen publiserer nytt om temaene du velger. Vi sender deg først en e-post med en lenke du må åpne for å bekrefte abonnementet.',
  required: '(må fylles ut)',
  emailLabel: 'E-postadresse',
  emailHint: 'Bekreftelsen sendes hit. Vi bruker adressen bare til nyhetsbrevet.',
  topicsLegend: 'Hva vil du ha nyhetsbrev om?',
  topicsHint: 'Velg «Alt» eller ett eller flere fagtema.',
  all: 'Alt fra redaksjonen',
  consentHeading: 'Samtykke',
  consentLabel: 'Jeg samtykker',
  submit: 'Abonner',
  errorSummary: 'Vi kunne ikke registrere abonnementet. Rett opp dette:',
  errorPrefix: 'Feil:',
  problems: {
    missing: 'Skriv e-postadressen din.',
    'invalid-email': 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    'no-topics': 'Velg «Alt» eller minst ett fagtema.',
    'consent-missing': 'Kryss av for at du samtykker.',
  } satisfies Record<SubscribeProblem, string>,
  privacyLink: 'Les mer om personvern',
  checkInboxTitle: 'Sjekk innboksen din',
  checkInbox:
    'Hvis adressen kan motta nyhetsbrev, har vi sendt en e-post til den. Åpne lenken i e-posten innen 48 timer for å bekrefte. Finner du den ikke, se i søppelpost-mappen. Du kan be om en ny e-post etter ti minutter.',
  confirmTitle: 'Bekreft abonnementet',
  confirmAsk: (email: string, edition: string) => `Vil du ha nyhetsbrevet fra Kompetansebroen ${edition} til ${email}?`,
  confirm: 'Ja, bekreft abonnementet',
  confirmedTitle: 'Abonnementet er bekreftet',
  confirmed: 'Takk! Du får nyhetsbrevet fra nå av. Hver e-post har en lenke der du kan endre valgene dine eller melde deg av.',
  confirmUnknownTitle: 'Lenken virker ikke',
  confirmUnknown: 'Lenken er allerede brukt, eller den har gått ut (den virker i 48 timer). Meld deg på igjen for å få en ny.',
  subscribeAgain: 'Til påmeldingen',
  home: 'Til forsiden',
  preferencesTitle: 'Innstillinger for nyhetsbrevet',
  preferencesIntro: (email: string) => `Du abonnerer med ${email}. Endre hva du vil ha nyhetsbrev om, eller meld deg av.`,
  save: 'Lagre valgene',
  saved: 'Valgene er lagret.',
  unsubscribeHeading: 'Meld deg av',
  unsubscribeIntro: 'Når du melder deg av, sletter vi adressen din og valgene dine.',
  unsubscribeTitle: 'Meld deg av nyhetsbrevet',
  unsubscribeConfirm: (edition: string) => `Vil du melde deg av nyhetsbrevet fra Kompetansebroen ${edition}? Vi sletter da adressen din og valgene dine.`,
  unsubscribe: 'Meld meg av',
  unsubscribedTitle: 'Du er meldt av',
  unsubscribed: 'Vi har slettet adressen din og valgene dine. Du får ikke flere nyhetsbrev fra oss.',
  linkUnknownTitle: 'Lenken virker ikke lenger',
  linkUnknown: 'Enten er du allerede meldt av, eller lenken er for gammel. Bruk lenken i et nyere nyhetsbrev, eller meld deg på på nytt.',
  fieldLabels: { email: 'E-postadresse', topics: 'Fagtema', consent: 'Samtykke' } satisfies Record<SubscribeField, string>,
}

/** The consent a subscriber agrees to, stored with the subscription as it was worded. */
export const newsletterConsent = (edition: string) =>
  `Jeg vil ha nyhetsbrev fra Kompetansebroen ${edition} på e-post. Adressen og valgene mine lagres til jeg melder meg av, og brukes bare til nyhetsbrevet. Hver e-post har en lenke for å melde seg av.`
