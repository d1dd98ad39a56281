import type { EventKind, EventStatus, RegistrationMode } from '../../../functions/content/vocabulary.ts'

/** The event form's words for issue 13's fields (sign-up, capacity, retention), in bokmål. */
export const eventFieldText = {
  kind: 'Type arrangement',
  coOrganisers: 'Medarrangører',
  onlineUrlForParticipants: 'Lenken vises bare for påmeldte (sendes i bekreftelsen på e-post)',
  registration: 'Påmelding',
  capacity: 'Antall plasser',
  waitingList: 'Venteliste når det er fullt',
  registrationDeadline: 'Påmeldingsfrist',
  priceNok: 'Pris i kroner',
  retentionDays: 'Dager vi tar vare på deltakeropplysningene etter arrangementet',
  eventStatus: 'Status',
  recordingUrl: 'Lenke til opptak',
} as const

export const eventHintText = {
  kindNone: 'Velg type',
  coOrganisers: 'Én per linje.',
  capacity: 'La stå tomt for ubegrenset.',
  registrationDeadline: 'Norsk tid. La stå tomt for å stenge når arrangementet starter.',
  priceNok: 'La stå tomt eller skriv 0 når arrangementet er gratis.',
  retentionDays: 'Standard er 30 dager. Opplysningene slettes automatisk.',
  participants: 'Se påmeldte og venteliste',
  eventStatus: 'Et avlyst eller utsatt arrangement blir stående på nettsiden og i kalenderne til dem som abonnerer, merket som avlyst eller utsatt.',
  recordingUrl: 'Vises på arrangementets side når det er over. Lenke til en film her på Kompetansebroen eller et annet sted (https://…).',
  importedFrom: (partner: string) => `Hentet fra kalenderen til ${partner}. Endringer hos dem kommer hit som utkast; du godkjenner ved å publisere.`,
  importedSource: (partner: string) => `Arrangementet hos ${partner}`,
  removedFromSource: 'Fjernet fra kilden',
  removedFromSourceHint: (partner: string) =>
    `Arrangementet finnes ikke lenger i kalenderen til ${partner}. Det er ikke slettet her: avpubliser det, merk det som avlyst, eller la det stå.`,
} as const

export const eventStatusText: Record<EventStatus, string> = { scheduled: 'Gjennomføres som planlagt', cancelled: 'Avlyst', postponed: 'Utsatt' }

export const eventKindText: Record<EventKind, string> = { kurs: 'Kurs', konferanse: 'Konferanse', webinar: 'Webinar', nettverksmote: 'Nettverksmøte', hospitering: 'Hospitering' }

export const registrationModeText: Record<RegistrationMode, string> = {
  none: 'Ingen påmelding',
  external: 'Påmelding på en annen nettside',
  'built-in': 'Påmelding her, med skjema på arrangementets side',
}

/** The schema's cross-field checks (functions/content/schema.ts checkEvent), by their stable code. */
export const eventIssueText: Record<string, string> = {
  event_ends_before_start: 'Arrangementet må slutte etter at det starter.',
  event_deadline_after_end: 'Påmeldingsfristen må være før arrangementet slutter.',
  event_registration_url_missing: 'Skriv lenken til påmeldingen.',
}

/** The organisers' page (views/event-signups.tsx). */
export const signupsText = {
  title: (event: string) => `Påmeldte: ${event}`,
  backToEvent: 'Tilbake til arrangementet',
  counts: (confirmed: number, capacity: number | undefined, waiting: number) =>
    `${confirmed} påmeldt${capacity === undefined ? '' : ` av ${capacity} plasser`}, ${waiting} på venteliste.`,
  isOpen: 'Påmeldingen er åpen.',
  isClosed: 'Påmeldingen er stengt. De som er påmeldt, kan fortsatt melde seg av.',
  close: 'Steng påmeldingen',
  reopen: 'Åpne påmeldingen igjen',
  closedNow: 'Påmeldingen er stengt.',
  openNow: 'Påmeldingen er åpnet igjen.',
  download: 'Last ned som CSV (Excel)',
  confirmed: 'Påmeldt',
  waiting: 'Venteliste',
  confirmedCaption: 'Påmeldte, i den rekkefølgen de meldte seg på',
  waitingCaption: 'Venteliste, den første får neste ledige plass',
  noneConfirmed: 'Ingen er påmeldt ennå.',
  noneWaiting: 'Ingen står på venteliste.',
  place: 'Plass',
  name: 'Navn',
  email: 'E-post',
  workplace: 'Arbeidssted',
  municipality: 'Kommune',
  needs: 'Behov',
  privacy: 'Opplysningene slettes automatisk etter arrangementet (se antall dager i skjemaet). Ikke lagre CSV-filen lenger enn du trenger den.',
} as const
