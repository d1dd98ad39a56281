/**
 * Everything readers read about favourites and saved content (issue 14), in one place. `{name}` marks where an island
 * fills in a value (web/islands/shared/fill.ts).
 */
export const mineText = {
  title: 'Mine favoritter og lagret innhold',
  intro: 'Favorittene dine og innholdet du lagrer for bruk uten nett, finnes bare på denne enheten. Du trenger ingen konto, og vi vet ikke hva du har valgt.',
  favourites: 'Favoritter',
  favouritesNeedJs: 'Favoritter trenger JavaScript. Slå på JavaScript i nettleseren for å legge til og se favoritter.',
  favouritesEmpty: 'Du har ingen favoritter ennå. Trykk «Legg til i favoritter» på en side du vil finne igjen.',
  loading: 'Henter favorittene …',
  unavailable: 'er ikke lenger tilgjengelig',
  offlineCards: 'Du er uten nett, så bare titlene vises.',
  remove: 'Fjern',
  /** Read after «Fjern» by screen readers (visually hidden). */
  removeFavouriteHidden: ' «{title}» fra favorittene',
  removedFavourite: '«{title}» er fjernet fra favorittene.',
  share: 'Ta med favorittene til en annen enhet',
  shareIntro: 'Lag en lenke med favorittene dine og åpne den på den andre enheten. Lista står bare i lenken; den sendes ikke til oss.',
  makeLink: 'Lag lenke',
  linkLabel: 'Lenke til favorittene dine',
  copy: 'Kopier lenken',
  copied: 'Lenken er kopiert.',
  importTitle: 'Legge til favoritter fra lenken?',
  importSummary: 'Favoritter i lenken: {count}. Nye på denne enheten: {fresh}.',
  importConfirm: 'Legg til favorittene',
  importCancel: 'Ikke legg til',
  imported: 'Favoritter lagt til: {count}.',
  courses: 'Kursene du har startet, finner du under',
  myCourses: 'Mine kurs',

  // The buttons on item pages.
  addFavourite: 'Legg til i favoritter',
  favouriteAdded: 'Lagt til i favorittene dine.',
  favouriteRemoved: 'Fjernet fra favorittene dine.',
  favouriteNotKept: 'Nettleseren tillater ikke at favoritter lagres.',
  saveOffline: 'Lagre for bruk uten nett',
  saveCourse: 'Lagre hele kurset',
  saving: 'Lagrer …',
  saved: 'Lagret på denne enheten ({size}). Du kan åpne siden uten nett.',
  savedCourse: 'Hele kurset er lagret på denne enheten ({size}). Du kan åpne leksjonene uten nett.',
  saveFailed: 'Kunne ikke lagre. Sjekk at du er på nett og at enheten har plass, og prøv igjen.',
  removeSaved: 'Fjern lagret kopi',
  removedSavedCopy: 'Den lagrede kopien er fjernet.',

  // "Lagret for bruk uten nett" on /mine.
  savedTitle: 'Lagret for bruk uten nett',
  savedNeedJs: 'Å lagre innhold for bruk uten nett trenger JavaScript.',
  savedUnsupported: 'Nettleseren din kan ikke lagre innhold for bruk uten nett.',
  savedEmpty: 'Du har ikke lagret noe ennå. Trykk «Lagre for bruk uten nett» på en artikkel, en leksjon eller en podkastepisode.',
  savedUsage: 'Kompetansebroen bruker {used} på denne enheten. Nettleseren gir oss plass til {quota}.',
  removeSavedHidden: ' «{title}» fra lagret innhold',
  removedSaved: '«{title}» er fjernet, og plassen er frigjort.',
} as const
