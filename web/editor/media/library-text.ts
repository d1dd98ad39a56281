import { formatNumber } from '../text/format.ts'

/** The media library's search, filters, selection, bulk delete and focal point in bokmål (issue 17); the rest is in text/ui.ts. */
const files = (count: number) => (count === 1 ? '1 fil' : `${formatNumber(count)} filer`)
const items = (count: number) => (count === 1 ? '1 sak' : `${formatNumber(count)} saker`)

export const libraryText = {
  search: 'Søk i filnavn, tittel og alternativ tekst',
  status: 'Status',
  statusText: { ready: 'Klar', processing: 'Behandles', refused: 'Avvist' } as const,
  sort: 'Sorter',
  sortText: { newest: 'Nyeste først', oldest: 'Eldste først', name: 'Navn (A–Å)', size: 'Størrelse (største først)' } as const,
  showResults: 'Vis filer',
  resetFilters: 'Nullstill søk og filtre',
  /** "12 filer", or what is shown so far while «Vis flere» has more. */
  count: (count: number, more: boolean) => (more ? `Viser ${files(count)}. Det finnes flere.` : files(count)),
  noMatches: 'Ingen filer passer til søket.',
  truncated: 'Biblioteket har svært mange filer: sorteringen gjelder de 2 000 nyeste. Søk eller filtrer for å finne resten.',
  uploaded: (date: string) => `lastet opp ${date}`,

  /** Where each file is used (media-use.tsx), and the filter that finds the unused ones to clear out. */
  usage: 'Bruk',
  usageText: { used: 'I bruk', unused: 'Ikke i bruk' } as const,
  /** `complete` false: the edition has more uses than one listing counts, so a count is "at least". */
  useCount: (count: number, complete = true) =>
    count === 0 ? (complete ? 'Ikke i bruk' : 'Ikke funnet i bruk') : `Brukt i ${complete ? '' : 'minst '}${items(count)}`,
  showWhere: 'Vis hvor',
  findingWhere: 'Henter sakene …',
  whereFailed: 'Kunne ikke hente hvor filen brukes. Prøv igjen.',
  /** Items of another edition are counted, never named: their drafts are theirs. */
  inOtherEditions: (count: number) => `${items(count)} i ${count === 1 ? 'en annen utgave' : 'andre utgaver'}`,
  moreItems: (count: number) => `${items(count)} til`,
  noLongerUsed: 'Filen brukes ikke lenger.',

  select: 'Velg',
  selectAllVisible: 'Velg alle synlige',
  selectedCount: (count: number) => `${files(count)} valgt`,
  deleteSelected: 'Slett valgte',
  deleting: 'Sletter …',
  confirmDeleteSelected: (count: number) => ({
    title: `Slette ${files(count)}?`,
    text: 'Filene slettes fra mediebiblioteket. Filer som brukes i innhold blir ikke slettet. Dette kan ikke angres.',
    confirm: count === 1 ? 'Slett filen' : 'Slett filene',
    danger: true,
  }),
  resultTitle: 'Resultat av slettingen',
  deletedSome: (count: number) => (count === 1 ? '1 fil er slettet:' : `${formatNumber(count)} filer er slettet:`),
  deletedNone: 'Ingen filer ble slettet.',
  keptSome: (count: number) => (count === 1 ? '1 fil ble ikke slettet:' : `${formatNumber(count)} filer ble ikke slettet:`),
  /** What the screen reader hears at once; the list below names each file. */
  bulkAnnounce: (deleted: number, kept: number) =>
    [deleted ? `${files(deleted)} slettet` : 'Ingen filer slettet', kept ? `${files(kept)} beholdt` : ''].filter(Boolean).join(', ') + '.',

  /** The focal point (focal-point.tsx): where crops to a card's shape keep the picture's subject. */
  focal: {
    title: 'Fokuspunkt',
    summary: (point: string) => `Fokuspunkt: ${point}`,
    centre: 'midten',
    hint: 'Klikk eller trykk på det viktigste i bildet, for eksempel et ansikt, eller bruk glidebryterne. Kortene beskjærer bildet rundt dette punktet.',
    horizontal: 'Vannrett',
    vertical: 'Loddrett',
    /** What a screen reader hears for each slider. */
    fromLeft: (percent: number) => `${percent} % fra venstre`,
    fromTop: (percent: number) => `${percent} % fra toppen`,
    point: (x: number, y: number) => `${x} % fra venstre, ${y} % fra toppen`,
    preview: 'Slik beskjæres bildet',
    wide: 'Kort (bredt)',
    square: 'Kvadrat',
    save: 'Lagre fokuspunkt',
    reset: 'Midtstill',
    saved: 'Fokuspunktet er lagret.',
    /** Items copy the point when they are saved (media/facts.ts), like the picture's sizes. */
    usedLater: 'Innhold som allerede bruker bildet, får det nye fokuspunktet neste gang det lagres.',
    stale: 'Noen andre endret bildet mens du arbeidet. Fokuspunktet deres vises nå. Flytt det og lagre på nytt hvis du vil endre det.',
  },
}
