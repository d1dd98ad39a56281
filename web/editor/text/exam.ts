import type { Problem, PublishGap, SettingName } from '../views/exam-model.ts'

/** The question-bank editor's words (views/exam-*.tsx), in bokmål. */
export const examText = {
  title: (course: string) => `Eksamen: ${course}`,
  intro:
    'Lag spørsmålsbanken for kursets eksamen. Hver deltaker får et tilfeldig utvalg spørsmål fra hvert læringsmål, og svaralternativene stokkes. Leserne ser endringene først når du publiserer eksamen.',
  backToCourse: 'Tilbake til kurset',
  openExam: 'Rediger eksamen',
  saveCourseFirst: 'Lagre kurset først, så kan du lage eksamen.',
  noGoals: 'Kurset har ingen læringsmål ennå. Skriv læringsmålene i kurset og lagre det før du lager spørsmål: hvert spørsmål hører til et læringsmål.',

  settings: 'Innstillinger',
  setting: {
    perGoal: 'Spørsmål per læringsmål',
    passPercent: 'Krav for å bestå (prosent riktige)',
    attemptsLimit: 'Antall forsøk (0 = ubegrenset)',
    validityMonths: 'Kursbeviset gjelder i (måneder)',
  } satisfies Record<SettingName, string>,
  settingHint: {
    perGoal: 'Så mange spørsmål trekkes tilfeldig fra hvert læringsmål som har spørsmål.',
    passPercent: 'Vanlig er 80 prosent.',
    attemptsLimit: 'Telles bare i deltakerens nettleser, så grensen kan ikke håndheves. Eksamenssiden sier det.',
    validityMonths: 'La feltet stå tomt hvis kursbeviset ikke skal utløpe.',
  } satisfies Record<SettingName, string>,
  perAttempt: (count: number) => `Med disse innstillingene får hver deltaker ${count} spørsmål.`,
  goalCounts: 'Spørsmål per læringsmål',
  goalCount: (goal: number, name: string, count: number) => `${goal + 1}. ${name}: ${count} spørsmål`,

  questions: 'Spørsmål',
  empty: 'Banken har ingen spørsmål ennå.',
  question: (n: number) => `Spørsmål ${n}`,
  questionText: (n: number) => `Spørsmålstekst, spørsmål ${n}`,
  goal: (n: number) => `Læringsmål for spørsmål ${n}`,
  goalOption: (goal: number, name: string) => `${goal + 1}. ${name}`,
  goalUnknown: (goal: number) => `Læringsmål ${goal + 1} (finnes ikke lenger)`,
  kind: (n: number) => `Spørsmålstype, spørsmål ${n}`,
  kindSingle: 'Ett riktig svar',
  kindMultiple: 'Flere riktige svar («Velg 2» osv.)',
  options: (n: number) => `Svaralternativer til spørsmål ${n}`,
  optionsHint: 'Kryss av for riktig svar. Ved ett riktig svar blir de andre alternativene merket som feil når du krysser av.',
  option: (o: number) => `Alternativ ${o}`,
  optionText: (q: number, o: number) => `Tekst, alternativ ${o} i spørsmål ${q}`,
  optionCorrect: (q: number, o: number) => `Riktig – alternativ ${o} i spørsmål ${q}`,
  optionFeedback: (q: number, o: number) => `Tilbakemelding, alternativ ${o} i spørsmål ${q}`,
  optionFeedbackHint: 'Vises for deltakeren etter innlevering.',
  addOption: (n: number) => `Legg til alternativ i spørsmål ${n}`,
  removeOption: (q: number, o: number) => `Fjern alternativ ${o} i spørsmål ${q}`,
  moveOptionUp: (q: number, o: number) => `Flytt alternativ ${o} i spørsmål ${q} opp`,
  moveOptionDown: (q: number, o: number) => `Flytt alternativ ${o} i spørsmål ${q} ned`,
  addQuestion: 'Legg til spørsmål',
  removeQuestion: (n: number) => `Fjern spørsmål ${n}`,
  moveQuestionUp: (n: number) => `Flytt spørsmål ${n} opp`,
  moveQuestionDown: (n: number) => `Flytt spørsmål ${n} ned`,
  moved: 'Flyttet.',
  removed: 'Fjernet.',
  removedQuestion: (n: number) => `Spørsmål ${n} er fjernet.`,
  reloaded: (version: number) => `Lastet inn versjon ${version}.`,
  readerPage: 'Se eksamen slik leserne ser den (åpnes i ny fane)',
  added: (what: string) => `${what} er lagt til.`,

  save: 'Lagre eksamen',
  saving: 'Lagrer …',
  saved: (version: number) => `Eksamen er lagret (versjon ${version}).`,
  unsaved: 'Du har endringer som ikke er lagret.',
  publish: 'Publiser eksamen',
  publishing: 'Publiserer …',
  published: (version: number) => `Eksamen er publisert (versjon ${version}). Leserne får den nye spørsmålsbanken fra nå.`,
  stateNever: 'Eksamen er ikke publisert ennå.',
  statePublished: (version: number) => `Publisert versjon: ${version}.`,
  stateChanged: 'Det er lagret endringer som ikke er publisert.',
  fixFirst: 'Rett opp feilene før du lagrer.',
  stale:
    'Noen andre har lagret eksamen etter at du åpnet den. Endringene dine er fortsatt her. Du kan lagre din versjon over deres, eller laste inn deres og miste dine endringer.',
  overwrite: 'Lagre min versjon over deres',
  reload: 'Last inn deres versjon',
  publishBlocked: 'Eksamen kan ikke publiseres ennå:',
} as const

/** A problem in the form, in words; the summary prefixes the field's label. */
export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'required':
      return 'Fyll ut feltet.'
    case 'tooLong':
      return 'Teksten er for lang. Kort den ned.'
    case 'range':
      return `Skriv et helt tall fra ${problem.min} til ${problem.max}.`
    case 'singleCorrect':
      return 'Kryss av for nøyaktig ett riktig svar.'
    case 'multipleCorrect':
      return 'Kryss av for minst to riktige svar og la minst ett være feil. Har spørsmålet ett riktig svar, velg «Ett riktig svar».'
    case 'goalMissing':
      return 'Velg et læringsmål kurset har.'
  }
}

export function publishGapText(gap: PublishGap, goals: string[]): string {
  if (gap.kind === 'noQuestions') return 'Legg til minst ett spørsmål.'
  return `Læringsmål ${gap.goal + 1} («${goals[gap.goal]}») har ${gap.count} spørsmål, men ${gap.needed} trekkes per læringsmål. Legg til flere, eller sett ned «${examText.setting.perGoal}».`
}
