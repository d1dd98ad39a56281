/** «Deling og søk» in the item editor (views/fields/sharing.tsx): how an item looks when shared and in search results. */
export const sharingText = {
  heading: 'Deling og søk',
  intro: 'Slik beskrives innholdet når noen deler lenken eller finner det i et søk. Står feltene tomme, brukes ingressen og hovedbildet.',
  descriptionHint: 'Én eller to setninger som får folk til å klikke. Søkemotorer viser rundt 160 tegn.',
  count: (length: number, recommended: number) => `${length} av ${recommended} anbefalte tegn`,
  countOver: (length: number, recommended: number) => `${length} tegn: over anbefalte ${recommended}, så slutten kan bli kuttet i søkeresultater`,
  countTooLong: (length: number, max: number) => `${length} tegn: høyst ${max} kan lagres`,
  /** Read out politely when the length crosses a threshold, never on every key. */
  announceNear: (left: number) => `Beskrivelse: ${left} tegn igjen til anbefalt lengde.`,
  announceWithin: 'Beskrivelsen er innenfor anbefalt lengde.',
  announceOver: (recommended: number) => `Beskrivelsen er over ${recommended} tegn og kan bli kuttet i søkeresultater.`,
  announceTooLong: (max: number) => `Beskrivelsen er over ${max} tegn, som er det meste som kan lagres.`,
  imageHint: 'Brukes i stedet for hovedbildet når lenken deles. Best er et liggende bilde på minst 1200 × 630 piksler.',
  previewHeading: 'Forhåndsvisning',
  previewHint: 'Oppdateres mens du skriver. Tjenestene bestemmer selv nøyaktig hvordan lenken vises.',
  cardHeading: 'Slik ser lenken ut når den deles',
  cardNoImage: 'Uten bilde vises lenken som et lite kort.',
  searchHeading: 'Slik kan innholdet se ut i søkeresultater',
  untitled: 'Tittel mangler',
  noDescription: 'Beskrivelse mangler: skriv en ingress eller en beskrivelse.',
} as const
