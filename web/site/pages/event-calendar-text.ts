/** What the event pages say about calendars, status and recordings, in bokmål (issue 13); inside the `.ics` files: calendar-file-text.ts. */
export const calendarText = {
  addToCalendar: 'Legg til i kalenderen',
  addToCalendarHint: 'Laster ned arrangementet som en kalenderfil (.ics) som Outlook, Google Kalender og Apple Kalender kan åpne.',
  subscribeHeading: 'Abonner på kalenderen',
  subscribe: (edition: string) => `Abonner på arrangementene i ${edition}`,
  subscribeTopic: (topic: string) => `Abonner på arrangementer om ${topic.toLowerCase()}`,
  subscribeHint:
    'Kalenderen din henter nye og endrede arrangementer av seg selv. Fungerer ikke lenken, kopierer du adressen under og legger den til som kalender fra Internett i Outlook eller «Fra URL» i Google Kalender.',
  feedAddress: 'Adressen til kalenderen',
  pastEvents: 'Gjennomførte arrangementer',
  watchRecording: 'Se opptaket',
  status: { cancelled: 'Arrangementet er avlyst.', postponed: 'Arrangementet er utsatt. Ny dato kommer.' },
  importedFrom: (partner: string) => `Hentet fra kalenderen til ${partner}.`,
} as const
