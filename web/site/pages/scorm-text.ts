/** What a SCORM course's pages say, in bokmål, in one place (the island reads its words from data attributes). */
export const scormText = {
  needsJavaScript: 'Dette kurset kjøres i nettleseren og trenger JavaScript. Slå på JavaScript for å ta kurset.',
  start: 'Start kurset',
  startHint: 'Fremdriften din lagres bare i denne nettleseren, så du kan fortsette der du slapp på samme maskin.',
  playerTitle: (course: string) => `Kurs: ${course}`,
  lead: 'Kurset er laget av en annen tilbyder og kjøres i en egen ramme. Når kurset sier at du har bestått, kan du hente kursbevis under rammen.',
  statusLabel: 'Status',
  statusWaiting: 'Kurset er ikke fullført ennå.',
  statusPassed: (score: string) => `Du har bestått kurset (${score} %). Hent kursbeviset nedenfor.`,
  statusFailed: 'Kurset sier at du ikke har bestått ennå. Du kan prøve igjen i kurset.',
  statusNoScore: 'Kurset sier at du har bestått, men oppgir ingen poengsum, så vi kan ikke utstede kursbevis for det.',
  goOn: 'Gå videre til kursbevis',
  goOnHint: 'Vi sjekker at resultatet er rimelig: at kurset er bestått, at poengsummen holder, og at det har gått nok tid siden du startet.',
  early: (minutes: number) =>
    `Det har gått kortere tid siden du startet enn det tar å ta kurset. Prøv igjen om ${minutes === 1 ? 'ett minutt' : `${minutes} minutter`}; fremdriften din er lagret.`,
  low: 'Poengsummen kurset rapporterte er lavere enn kravet for å bestå. Ta den avsluttende testen i kurset på nytt.',
  unavailable: 'Kurset kan ikke spilles av akkurat nå. Prøv igjen senere.',
  backToCourse: 'Tilbake til kurssiden',
  result: 'Resultat',
  passed: 'Bestått',
  score: (score: number) => `Kurset rapporterte ${String(Math.round(score * 10) / 10).replace('.', ',')} % riktige svar.`,
  proves:
    'Kursbeviset bekrefter at kurset rapporterte bestått i nettleseren din, og at det skjedde på en rimelig tid etter at du startet. Vi kan ikke se hvem som satt ved maskinen.',
} as const
