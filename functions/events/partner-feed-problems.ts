import type { FeedProblemCode } from './partner-feed-model.ts'

/**
 * Each reason an import did not happen, in bokmål: stored with the run, so the workspace shows what the scheduler
 * found without knowing the fetcher's codes. Each says what the editor (or the partner) can do.
 */
export const feedProblemText: Record<FeedProblemCode, string> = {
  'not-https': 'Adressen må begynne med https://. Vi henter bare kalendere over en sikker forbindelse.',
  'refused-address': 'Adressen peker til et internt nettverk, og derfra henter vi ikke kalendere.',
  redirect: 'Adressen sender oss videre for mange ganger. Be partneren om den direkte adressen til kalenderen.',
  'http-error': 'Kalenderen svarte med en feilkode. Sjekk at adressen er riktig, eller spør partneren om kalenderen er flyttet.',
  'too-large': 'Kalenderen er større enn 2 MB, og så store filer henter vi ikke. Be partneren om en kalender med bare kommende arrangementer.',
  'too-slow': 'Kalenderen svarte ikke innen 10 sekunder. Vi prøver igjen om en time.',
  unreachable: 'Vi fikk ikke kontakt med adressen. Sjekk at den er riktig; vi prøver igjen om en time.',
  'not-icalendar': 'Filen på adressen er ikke en iCalendar-kalender (.ics). Be partneren om abonnementsadressen til kalenderen.',
  failed: 'Noe gikk galt under importen. Vi prøver igjen om en time.',
}
