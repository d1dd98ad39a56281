/** What the page for integrators and the Atom feeds say, in bokmål (issue 18). */
export const developersText = {
  title: 'For utviklere',
  /** The footer's link to the page. */
  footerLink: 'For utviklere: API og strømmer',
  description: 'Hent innhold fra Kompetansebroen inn i intranett og læringsplattformer: åpent API, Atom- og RSS-strømmer og kalendere.',
  lead:
    'Alt som er publisert på Kompetansebroen er åpent. Kommuner, sykehus og skoler kan hente e-kurs, filmer, podkaster, artikler og arrangementer inn i egne intranett og læringsplattformer. Du trenger verken nøkkel eller innlogging.',
  contents: 'Innhold på siden',
  apiHeading: 'Åpent API (JSON)',
  apiIntro:
    'API-et svarer med JSON og kan bare leses (GET). Svarene mellomlagres i om lag ett minutt. Lister blas med markøren nextCursor fra forrige svar. Feil svarer med en HTTP-statuskode og {"error": "…"} på engelsk.',
  /** Before the links to the generated OpenAPI document and its page (functions/openapi). */
  openApi: 'Hele API-et er beskrevet maskinlesbart som OpenAPI 3.1, generert fra koden:',
  openApiBrowse: 'les beskrivelsen i nettleseren',
  example: 'Eksempel',
  atomHeading: 'Atom-strømmer',
  atomIntro:
    'Hver redaksjon har en Atom 1.0-strøm med det nyeste innholdet av alle typer. Strømmen kan snevres inn med de samme parameterne som listene på nettstedet. Hver oppføring har en fast id som ikke endres.',
  atomParams: 'Parametere',
  atomParamType: (types: string) => `Innholdstype: ${types}.`,
  atomParamTopic: 'Fagtema, med adressen (slug) fra listen over fagtema, for eksempel',
  atomParamAudience: (audiences: string) => `Målgruppe: ${audiences}.`,
  discoveryHint: 'Legg strømmen inn i hodet på en side, så finner nyhetslesere den selv:',
  rssHeading: 'RSS-strømmer',
  rssIntro:
    'Hver redaksjon har også en RSS 2.0-strøm med det nyeste innholdet. Hver podkastserie har sin egen RSS-strøm for Apple Podcasts, Spotify og andre podkastapper, med lenken «Abonner med RSS» på seriens side.',
  podcastPattern: 'Podkastserie',
  podcastList: 'Se alle podkastene',
  calendarHeading: 'Kalendere (iCalendar)',
  calendarIntro:
    'Kommende arrangementer finnes som kalendere i iCalendar-format (.ics) som Outlook, Google Kalender og Apple Kalender kan abonnere på. Med webcal:// i stedet for https:// abonnerer kalenderappen i stedet for å hente kalenderen én gang.',
  calendarTopic: 'Bare ett fagtema',
  calendarOne: 'Ett arrangement',
  perEdition: 'Adresser per redaksjon',
  embedHeading: 'Innebygging på intranett og i læringsplattformer',
  embedIntro:
    'Et kort for ett innhold, eller en liste over det nyeste i et fagtema for en redaksjon, kan bygges inn med en iframe. Sidene har verken skript eller informasjonskapsler, har redaksjonens farge, og lenkene åpnes i en ny fane.',
  embedLatest: 'Det nyeste i et fagtema (tema og type kan utelates, antall 1–20)',
  embedCard: 'Ett innhold: sidens adresse med /innebygd foran',
  oembedIntro:
    'Verktøy som forstår oEmbed (for eksempel mange intranett og publiseringsløsninger) kan hente innbyggingskoden selv: lim inn adressen til en side hos oss, eller spør oEmbed-endepunktet.',
} as const

/** The Atom feeds' own words: titles and the 400s of a filter the site does not know. */
export const atomText = {
  everything: 'nytt innhold',
  unknownType: (types: readonly string[]) => `Ukjent innholdstype i strømmen. Bruk en av disse: ${types.join(', ')}.`,
  unknownTopic: 'Ukjent fagtema i strømmen. Bruk adressen til et fagtema fra listen over fagtema.',
  unknownAudience: (audiences: readonly string[]) => `Ukjent målgruppe i strømmen. Bruk en av disse: ${audiences.join(', ')}.`,
} as const
