/** The words of an item's history and of comparing two of its versions (views/history.tsx, components/field-comparison.tsx). */
export const historyText = {
  removed: 'Fjernet: ',
  added: 'Lagt til: ',
  compareTitle: 'Sammenlign versjoner',
  compareFrom: 'Fra versjon',
  compareTo: 'Til versjon',
  compare: 'Sammenlign',
  comparing: 'Henter versjonene …',
  compareSameVersion: 'Velg to forskjellige versjoner.',
  comparisonTitle: (from: number, to: number) => `Endringer fra versjon ${from} til versjon ${to}`,
  comparisonIntro: 'Det som ble fjernet, er gjennomstreket i venstre kolonne. Det som ble lagt til, er understreket i høyre.',
  versionColumn: (n: number, savedAt: string, savedBy?: string) => `Versjon ${n} (${savedAt}${savedBy ? `, ${savedBy}` : ''})`,
  /** Who saved a version, when it was the editor themself (history, comparison, the conflict view). */
  savedByYou: 'deg',
  noChanges: 'Versjonene har det samme innholdet.',
  unchangedFields: (n: number) => `Felt som er like i begge (${n})`,
  field: 'Felt',
  changed: 'Endret',
  comparisonReady: (from: number, to: number, changed: number) =>
    `Versjon ${from} og ${to} sammenlignet: ${changed === 0 ? 'ingen felt er endret' : changed === 1 ? 'ett felt er endret' : `${changed} felt er endret`}.`,
} as const
