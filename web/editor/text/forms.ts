import type { PublishProblem } from '../../../functions/content/rules.ts'
import type { RefusalReason } from '../../../functions/media/refusals.ts'
import { eventFieldText, eventIssueText } from './events.ts'
import { t } from './ui.ts'

/** The words of forms: field labels, validation messages, the rich-text editor, uploads. */
export const publishProblemText: Record<PublishProblem['code'] | 'lessons-missing' | 'course-url-missing' | 'scorm-missing', string> = {
  'alt-missing': 'Et bilde mangler alternativ tekst.',
  'captions-missing': 'Filmen må ha undertekster (WebVTT) før den publiseres.',
  'audio-description-missing': 'Filmen må ha en synstolket versjon, eller en begrunnelse for unntak.',
  'transcript-missing': 'En podkastepisode mangler transkripsjon.',
  'artwork-missing': 'Podkasten må ha et kvadratisk omslagsbilde (1400–3000 px).',
  'artwork-size': 'Omslagsbildet må være kvadratisk og 1400–3000 px på hver side.',
  'lessons-missing': 'Et kurs som bygges her, må ha minst én leksjon.',
  'course-url-missing': 'Skriv lenken til der kurset tas.',
  'scorm-missing': 'Velg en SCORM-pakke som er kontrollert og pakket ut.',
}

export const blockProblemText = {
  'alt-missing': 'Skriv en alternativ tekst som beskriver bildet.',
} as const

/** A validation issue from the content schemas, said so the editor knows what to do. */
export interface IssueLike {
  code?: string
  path: PropertyKey[]
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  format?: string
  expected?: string
  message: string
  params?: { code?: unknown }
}

/** What to do about a required field left empty, where a specific sentence helps more than "Fyll ut feltet". */
const requiredText: Record<string, string> = {
  title: 'Skriv en tittel.',
  slug: 'Skriv en nettadresse, eller trykk «Foreslå fra tittelen».',
  summary: 'Skriv en ingress på en til to setninger.',
  alt: 'Skriv en alternativ tekst som beskriver bildet.',
  courseUrl: 'Skriv lenken til kurset.',
  provider: 'Skriv hvem som tilbyr kurset.',
  durationMinutes: 'Skriv hvor mange minutter kurset tar.',
  durationSeconds: 'Skriv varigheten i sekunder.',
  startsAt: 'Velg når arrangementet starter.',
  endsAt: 'Velg når arrangementet slutter.',
  organiser: 'Skriv hvem som arrangerer.',
  src: 'Velg en fil fra mediebiblioteket.',
}

export function issueText(issue: IssueLike, value: unknown): string {
  const key = String(issue.path[issue.path.length - 1] ?? '')
  const empty = value === undefined || value === '' || (typeof value === 'string' && !value.trim())
  if (empty && (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.origin === 'string')) && requiredText[key]) return requiredText[key]
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined || value === '') return 'Fyll ut feltet.'
      if (issue.expected === 'number' || issue.expected === 'int') return 'Skriv et helt tall, uten mellomrom eller enhet.'
      return 'Feltet har feil form.'
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fyll ut feltet.' : `Skriv minst ${issue.minimum} tegn.`
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'Legg til minst én.' : `Legg til minst ${issue.minimum}.`
      return `Tallet må være minst ${issue.minimum}.`
    case 'too_big':
      if (issue.origin === 'string') return `Teksten er for lang: høyst ${issue.maximum} tegn${typeof value === 'string' ? ` (nå ${value.length})` : ''}.`
      if (issue.origin === 'array') return `Du kan velge høyst ${issue.maximum}.`
      return `Tallet kan ikke være større enn ${issue.maximum}.`
    case 'invalid_format':
      if (issue.format === 'url') return 'Skriv en hel nettadresse som begynner med https://'
      if (issue.format === 'email') return 'Skriv en gyldig e-postadresse.'
      if (issue.format === 'datetime') return 'Velg dato og klokkeslett.'
      if (key === 'slug' || issue.path.includes('slug')) return 'Bruk små bokstaver a–z, tall og enkle bindestreker (ikke æ, ø, å eller mellomrom).'
      if (/^\/media/.test(issue.message) || issue.message.includes('/media/')) return 'Velg en fil fra mediebiblioteket.'
      return 'Feltet har feil form.'
    case 'invalid_value':
      return 'Velg et av alternativene.'
    case 'custom':
      if (eventIssueText[String(issue.params?.code)]) return eventIssueText[String(issue.params?.code)]!
      if (issue.message.includes('HTML')) return 'HTML-koder er ikke tillatt her. Skriv vanlig tekst.'
      if (issue.message.startsWith('Links')) return blockText.linkUnsafe
      return 'Feltet har feil form.'
    default:
      return 'Feltet har feil form.'
  }
}

/** The visual body editor (richtext/): its toolbar, link dialog, block fields and keyboard help. */
export const blockText = {
  toolbar: 'Formatering av brødteksten',
  bold: 'Fet',
  italic: 'Kursiv',
  link: 'Lenke',
  image: 'Bilde fra mediebiblioteket',
  undo: 'Angre',
  redo: 'Gjør om',
  imageInserted: 'Bildet er satt inn. Sjekk den alternative teksten under redigeringsfeltet.',
  imageFields: 'Valgt bilde',
  quoteFields: 'Sitatet der markøren står',
  caption: 'Bildetekst (valgfritt)',
  cite: 'Hvem sa det (valgfritt)',
  linkTitle: 'Lenke',
  linkHref: 'Nettadresse',
  linkHrefHint: 'For eksempel https://www.helsedirektoratet.no, mailto:post@kommune.no eller /innlandet/artikler/dosett.',
  linkText: 'Lenketekst',
  linkSave: 'Legg inn lenke',
  linkRemove: 'Fjern lenke',
  linkUnsafe: 'Lenker må begynne med https://, http://, mailto:, / eller #.',
  linkTextMissing: 'Skriv teksten leserne skal klikke på.',
  hint: 'Skriv og formater som i et tekstbehandlingsprogram. Verktøylinjen står over feltet, hurtigtastene under.',
  helpSummary: 'Hurtigtaster i brødteksten',
  help: [
    'Ctrl+B: fet. Ctrl+I: kursiv. Ctrl+K: lenke.',
    'Ctrl+Alt+2, 3 eller 4: overskrift 2, 3 eller 4. Ctrl+Alt+0: avsnitt.',
    'Ctrl+Shift+8: punktliste. Ctrl+Shift+7: nummerert liste. Ctrl+Shift+B: sitat.',
    'Ctrl+Z: angre (også en slettet blokk). Ctrl+Y eller Ctrl+Shift+Z: gjør om.',
    'Piltastene flytter markøren, også til et bilde; Tab går videre til neste felt. I verktøylinjen flytter piltastene mellom knappene.',
    'På Mac: Cmd i stedet for Ctrl, Option i stedet for Alt.',
    'Tekst du limer inn fra Word eller en nettside, beholder overskrifter, lister, lenker, fet og kursiv; skrifttyper og farger faller bort.',
  ],
} as const

export const uploadText = {
  unsupported: 'Filtypen støttes ikke. Last opp JPEG, PNG eller WebP (bilder), MP3 eller M4A (lyd), MP4 (video), WebVTT (undertekster), PDF eller SCORM-pakker (ZIP).',
  wrongKind: (kind: string) => `Her kan du bare laste opp ${(t.kindText[kind] ?? kind).toLowerCase()}.`,
  wrongExtension: (extensions: string[]) => `Filnavnet må slutte på ${extensions.map((extension) => `.${extension}`).join(' eller ')}.`,
  empty: 'Filen er tom (0 byte). Velg filen på nytt.',
  tooBig: (max: string, actual: string) => `Filen er for stor: ${actual}. Største tillatte størrelse er ${max}.`,
  storageRefused: (status: number) => `Lagringen avviste filen${status ? ` (${status})` : ''}. Prøv igjen.`,
  network: 'Nettforbindelsen brøt under opplastingen. Prøv igjen.',
  aborted: 'Opplastingen ble avbrutt.',
  percent: (value: number) => `${value} %`,
  uploaded: (name: string) => `${name} er lastet opp.`,
  /** Announced when the bytes are sent and the server starts checking them. */
  checking: (name: string) => `${name} er sendt. Kontrollerer filen …`,
  stillChecking: 'Filen kontrolleres fortsatt. Den dukker opp i mediebiblioteket når den er klar; last inn siden om litt.',
  pendingStatus: 'Ikke ferdig lastet opp',
  processingStatus: 'Kontrollerer filen …',
  refusedStatus: 'Avvist',
  /** Why the server refused a file, by its stable reason (functions/media/refusals.ts). */
  refused: {
    type_not_accepted: 'Filtypen kan ikke brukes her. Last opp en fil av en type som står i hjelpeteksten.',
    empty: 'Filen er tom (0 byte). Velg filen på nytt og last den opp igjen.',
    too_large: 'Filen er større enn det som er tillatt for denne typen fil. Gjør den mindre og last den opp igjen.',
    larger_than_announced: 'Filen som kom fram, er større enn filen du valgte. Last den opp på nytt.',
    incomplete: 'Bare en del av filen kom fram, så opplastingen ble ikke fullført. Last den opp på nytt.',
    stored_type_mismatch: 'Filen ble lagret som en annen filtype enn den som ble oppgitt. Last den opp på nytt.',
    wrong_content: 'Innholdet i filen stemmer ikke med filtypen, for eksempel et bilde som heter .mp3. Eksporter filen i riktig format og last den opp igjen.',
    unreadable: 'Filen kunne ikke leses, og kan være skadet. Eksporter den på nytt og last den opp igjen.',
    no_duration: 'Fant ingen spilletid i filen, så den kan ikke spilles av. Eksporter den på nytt og last den opp igjen.',
    has_video: 'Filen inneholder video. Last den opp som video (MP4), eller eksporter bare lyden som MP3 eller M4A.',
    no_picture: 'Filen har lyd, men ikke bilde. Last den opp som lyd i stedet.',
    not_utf8: 'Undertekstene er ikke lagret som UTF-8. Lagre .vtt-filen som UTF-8 og last den opp igjen.',
    scorm_manifest_missing: 'ZIP-filen har ingen imsmanifest.xml i roten, så den er ikke en SCORM-pakke. Eksporter kurset som SCORM 1.2 eller SCORM 2004. Ligger manifestet i en mappe, pakker du innholdet i mappen, ikke selve mappen.',
    scorm_manifest_invalid: 'imsmanifest.xml i pakken kan ikke leses. Eksporter pakken på nytt fra forfatterverktøyet.',
    scorm_version_unknown: 'Manifestet sier verken SCORM 1.2 eller SCORM 2004. Eksporter pakken som SCORM 1.2 eller SCORM 2004.',
    scorm_launch_missing: 'Pakken mangler startsiden manifestet viser til, eller viser ikke til noen startside. Eksporter pakken på nytt.',
    zip_unsafe_path: 'ZIP-filen inneholder filnavn som ikke er trygge (absolutte stier, «..», omvendt skråstrek eller kontrolltegn). Pakk kurset på nytt med et vanlig verktøy.',
    zip_link: 'ZIP-filen inneholder snarveier (symbolske lenker) eller andre spesialfiler. En pakke kan bare inneholde vanlige filer.',
    zip_too_many_files: 'Pakken har for mange filer (høyst 2 000). Fjern det kurset ikke bruker, og eksporter på nytt.',
    zip_too_large: 'Pakken blir for stor når den pakkes ut (høyst 200 MB per fil og 500 MB til sammen). Gjør pakken mindre, for eksempel ved å komprimere filmene.',
    zip_bomb: 'ZIP-filen pakkes ut til langt mer enn den selv er, eller mer enn den oppgir (en såkalt zip-bombe), og er avvist.',
  } satisfies Record<RefusalReason, string>,
  refusedUnknown: 'Filen ble avvist ved kontrollen. Eksporter den på nytt og last den opp igjen.',
  cancel: 'Avbryt',
} as const

/** Field labels by path, for the fields themselves, the error summary and the conflict view. */
export const fieldText: Record<string, string> = {
  title: 'Tittel',
  slug: 'Nettadresse',
  summary: 'Ingress',
  image: 'Hovedbilde',
  'image.src': 'Hovedbilde',
  'image.alt': 'Alternativ tekst til hovedbildet',
  body: 'Brødtekst',
  durationMinutes: 'Varighet i minutter',
  learningGoals: 'Læringsmål',
  courseUrl: 'Lenke til kurset',
  scorm: 'SCORM-pakke',
  'scorm.src': 'SCORM-pakke',
  'scorm.validityMonths': 'Kursbeviset gjelder (måneder)',
  provider: 'Tilbyder',
  hasExam: 'Avsluttes med eksamen',
  video: 'Video',
  'video.src': 'Videofil',
  'video.externalUrl': 'Ekstern videolenke',
  'video.poster': 'Forsidebilde for filmen',
  'video.poster.alt': 'Alternativ tekst til forsidebildet',
  'video.captions': 'Undertekster (WebVTT)',
  'video.audioDescribedSrc': 'Synstolket versjon',
  'video.audioDescriptionExemptReason': 'Begrunnelse for unntak fra synstolking',
  'video.audioDescription': 'Synstolking',
  'video.durationSeconds': 'Varighet i sekunder',
  category: 'Kategori',
  language: 'Språk',
  explicit: 'Inneholder grovt språk',
  owner: 'Eier',
  'owner.name': 'Eierens navn',
  'owner.email': 'Eierens e-postadresse',
  episodes: 'Episoder',
  author: 'Forfatter',
  startsAt: 'Starter',
  endsAt: 'Slutter',
  location: 'Sted',
  'location.name': 'Stedsnavn',
  'location.address': 'Adresse',
  onlineUrl: 'Lenke til digital deltakelse',
  organiser: 'Arrangør',
  registrationUrl: 'Lenke til påmelding',
  ...eventFieldText,
  audiences: 'Målgrupper',
  topics: 'Fagtema',
  sharedNationally: 'Delt nasjonalt',
  // «Deling og søk» (views/fields/sharing.tsx).
  metaDescription: 'Beskrivelse for deling og søk',
  shareImage: 'Bilde når lenken deles',
  'shareImage.src': 'Bilde når lenken deles',
  'shareImage.alt': 'Alternativ tekst til delingsbildet',
  // A lesson's files in the course builder (course-lesson-editor.tsx).
  'media.kind': 'Film eller podkast i leksjonen',
  'media.src': 'Film- eller lydfil',
  'media.title': 'Tittel på filmen eller episoden',
  'media.captions': 'Undertekster til filmen (WebVTT)',
  'pdf.src': 'PDF til nedlasting',
  'pdf.title': 'Tittel på PDF-en',
}

export const episodeFieldText: Record<string, string> = {
  title: 'Tittel',
  slug: 'Nettadresse',
  summary: 'Beskrivelse',
  publishedAt: 'Publiseringstidspunkt',
  season: 'Sesong',
  episode: 'Episodenummer',
  audio: 'Lydfil',
  'audio.src': 'Lydfil',
  'audio.durationSeconds': 'Varighet i sekunder',
  transcript: 'Transkripsjon',
}

/** Form order, for listing errors as the editor meets the fields. */
const fieldOrder = Object.keys(fieldText)
export function formOrder(path: string): number {
  const top = path.startsWith('episodes.') ? 'episodes' : path
  const index = fieldOrder.indexOf(top)
  return index < 0 ? fieldOrder.indexOf(path.split('.')[0]!) : index
}

/** "Episode 2: Tittel", "Læringsmål 3": labels for paths inside lists. */
export function labelFor(path: string): string {
  if (fieldText[path]) return fieldText[path]!
  const episode = /^episodes\.(\d+)\.(.+)$/.exec(path)
  if (episode) return `Episode ${Number(episode[1]) + 1}: ${episodeFieldText[episode[2]!] ?? episode[2]}`
  const goal = /^learningGoals\.(\d+)$/.exec(path)
  if (goal) return `${fieldText.learningGoals} ${Number(goal[1]) + 1}`
  const parent = path.split('.').slice(0, -1).join('.')
  return parent ? labelFor(parent) : path
}

export const typeFieldText = {
  courseUrlHint: 'Adressen der kurset tas, for eksempel hos KS Læring.',
  providerHint: 'Hvem som har laget kurset.',
  learningGoalsHint: 'Ett læringsmål per linje.',
  hasExam: 'Kurset avsluttes med en digital eksamen',
  osloTime: 'Norsk tid.',
  locationHint: 'For fysiske arrangementer.',
  onlineHint: 'For digitale arrangementer. Begynner med https://',
  videoHint: 'En MP4-fil fra mediebiblioteket. Opplastede filmer må ha undertekster og synstolking (eller begrunnet unntak).',
  externalHint: 'Bare hvis filmen ligger hos en ekstern videotjeneste.',
  captionsHint: 'WebVTT-fil med norske undertekster.',
  audioDescribedHint: 'En versjon av filmen med synstolking.',
  exemptHint: 'Skriv hvorfor filmen ikke trenger synstolking, hvis den ikke har det.',
  categoryHint: 'Kategori i podkastkatalogene, for eksempel «Health & Fitness».',
  explicit: 'Inneholder grovt språk',
  ownerEmailHint: 'Vises i podkastkatalogene, som Apple Podcasts.',
  episodes: 'Episoder',
  noEpisodes: 'Ingen episoder ennå.',
  episodeTitle: (n: number, title?: string) => `Episode ${n}${title ? `: ${title}` : ''}`,
  addEpisode: 'Legg til episode',
  removeEpisode: (n: number) => `Fjern episode ${n}`,
  transcriptHint: 'Transkripsjon som WebVTT-fil. Påkrevd før publisering.',
} as const
