/** What calendars say, on the event pages and inside the `.ics` files themselves, in bokmål, in one place (issue 13). */
export const calendarText = {
  addToCalendar: 'Legg til i kalenderen',
  addToCalendarHint: 'Laster ned arrangementet som en kalenderfil (.ics) som Outlook, Google Kalender og Apple Kalender kan åpne.',
  subscribeHeading: 'Abonner på kalenderen',
  subscribe: (edition: string) => `Abonner på arrangementene i ${edition}`,
  subscribeTopic: (topic: string) => `Abonner på arrangementer om ${topic.toLowerCase()}`,
  subscribeHint:
    'Kalenderen din henter nye og endrede arrangementer av seg selv. Fungerer ikke lenken, kopierer du adressen under og legger den til som kalender fra Internett i Outlook eller «Fra URL» i Google Kalender.',
  feedAddress: 'Adressen til kalenderen',
  calendarName: (edition: string) => `Kompetansebroen – arrangementer i ${edition}`,
  calendarNameTopic: (edition: string, topic: string) => `Kompetansebroen – ${topic} i ${edition}`,
  /** Lines of an event's DESCRIPTION. */
  organiser: (names: string) => `Arrangør: ${names}`,
  online: 'Digitalt',
  joinOnline: (url: string) => `Delta digitalt: ${url}`,
  onlineForParticipants: 'Lenken til å delta digitalt sendes på e-post til dem som er påmeldt.',
  moreAt: (url: string) => `Påmelding og mer informasjon: ${url}`,
  cancelled: 'AVLYST',
  postponed: 'UTSATT',
  recording: 'Opptak',
  watchRecording: 'Se opptaket',
  status: { cancelled: 'Arrangementet er avlyst.', postponed: 'Arrangementet er utsatt. Ny dato kommer.' },
  importedFrom: (partner: string) => `Hentet fra kalenderen til ${partner}.`,
} as const
