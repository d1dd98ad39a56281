/** The body editor's embedded films and episodes (richtext/embed-dialog.tsx, schema.ts Embed). */
export const embedText = {
  button: 'Sett inn film eller podkast',
  title: 'Sett inn film eller podkast',
  intro: 'Velg en publisert film eller podkastepisode fra redaksjonen din eller en som er delt nasjonalt. Leserne ser tittelen og bildet eller lydfilen slik de er når du lagrer.',
  search: 'Søk etter tittel',
  loading: 'Henter filmer og podkastepisoder …',
  none: 'Fant ingen publiserte filmer eller podkastepisoder.',
  noMatch: (query: string) => `Ingen titler inneholder «${query}».`,
  count: (count: number) => (count === 1 ? '1 treff' : `${count} treff`),
  choose: 'Sett inn',
  film: 'Film',
  episode: 'Podkastepisode',
  /** Who made it, when it is not the editor's own edition. */
  from: (tenant: string) => `delt av ${tenant}`,
  /** The screen-reader name of an embed in the editor. */
  label: (kind: 'film' | 'podkast', title: string) => `${kind === 'film' ? 'Innebygd film' : 'Innebygd podkastepisode'}: ${title}`,
  inserted: (title: string) => `${title} er satt inn. Den kan slettes og angres som andre blokker.`,
  failed: 'Kunne ikke hente listen. Prøv igjen.',
} as const
