import { calendarText } from './event-calendar-text.ts'

/** What the `.ics` files say, in bokmål (issue 13): kept apart from the pages' words so the site's bundle carries none of it. */
export const calendarFileText = {
  calendarName: (edition: string) => `Kompetansebroen – arrangementer i ${edition}`,
  calendarNameTopic: (edition: string, topic: string) => `Kompetansebroen – ${topic} i ${edition}`,
  organiser: (names: string) => `Arrangør: ${names}`,
  online: 'Digitalt',
  joinOnline: (url: string) => `Delta digitalt: ${url}`,
  onlineForParticipants: 'Lenken til å delta digitalt sendes på e-post til dem som er påmeldt.',
  moreAt: (url: string) => `Påmelding og mer informasjon: ${url}`,
  cancelled: 'AVLYST',
  postponed: 'UTSATT',
  status: calendarText.status,
} as const
