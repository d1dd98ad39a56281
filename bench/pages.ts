import { itemPath } from '../functions/content/schema.ts'
import { NATIONAL_TENANT, type Services } from '../functions/services.ts'
import { topics } from '../infra/local/seed/index.ts'
import { testArticle } from '../tests/support/fixtures.ts'

export type PageKey = 'home' | 'listing' | 'item'

export interface BenchPage {
  key: PageKey
  label: string
  /** Path on the site (router or app). */
  path: string
  /** Path of the same DynamoDB requests as JSON on the baseline server. */
  barePath: string
}

const pick = (list: readonly string[], index: number) => list[index % list.length]!
const openers = ['Slik styrker vi samarbeidet om', 'Erfaringer med', 'Ny veileder for', 'Fem råd om', 'Dette lærte vi av', 'Felles rutiner for', 'Spørsmål og svar om']
const subjects = ['legemiddelhåndtering', 'ernæring hos eldre', 'demensomsorg', 'rehabilitering etter hjerneslag', 'palliativ behandling', 'smittevern', 'psykisk helse hos unge', 'velferdsteknologi', 'overganger mellom sykehus og kommune', 'KOLS-oppfølging', 'fallforebygging']
const places = ['hjemmetjenesten', 'sykehjemmet', 'akuttmottaket', 'helsestasjonen', 'legekontoret', 'kommunen', 'poliklinikken']
const leads = [
  'Fagfolk fra kommunen og sykehuset forteller hvordan de bygget felles rutiner.',
  'En sykepleier og en fastlege deler det de har lært etter to år med tett samarbeid.',
  'Prosjektet startet som et forsøk på én avdeling og brukes nå i hele regionen.',
  'Nye retningslinjer kom i høst, og her er det viktigste du trenger å vite.',
  'Pårørende og pasienter var med og formet tiltaket fra første dag.',
]
const middles = [
  'De beskriver hva som fungerte, og hva som var vanskeligere enn ventet.',
  'Artikkelen viser konkrete sjekklister som kan tas i bruk med en gang.',
  'Målet er færre reinnleggelser og tryggere overganger for pasienten.',
  'Tallene fra det første året viser en tydelig forbedring.',
  'Opplæringen tar under en time og kan gjennomføres på vakt.',
  'Ledere og ansatte forteller hvordan de fant tid til endringen.',
]
const endings = [
  'Les hvordan du kan gjøre det samme der du jobber.',
  'Til slutt finner du lenker til e-kurs og filmer om temaet.',
  'Saken passer for både studenter og erfarne fagfolk.',
  'Har du spørsmål, kan du kontakte redaksjonen i din region.',
  'Neste steg er å dele erfaringene med flere kommuner.',
  'Innholdet er kvalitetssikret av fagpersoner fra begge nivåer.',
  'Vi følger opp saken med en podkast senere i år.',
]

/**
 * The demo seed has two or three items per listing; a listing page shows 20. Publishes `count` more articles
 * in the region (realistic titles and summaries, no images: media is outside the byte budget), so the
 * listing page carries a full page of cards, as the reference page (a 20-item Query) did.
 */
export async function fillListing(services: Services, region: string, count = 30): Promise<void> {
  for (let index = 0; index < count; index++) {
    // Varied wording, so gzip is not flattered by thirty identical cards.
    const fields = testArticle(region, `benk-artikkel-${index}`, {
      title: `${pick(openers, index)} ${pick(subjects, index * 7 + 3)} i ${pick(places, index * 3 + 1)}`,
      summary: `${pick(leads, index)} ${pick(middles, index * 5 + 2)} ${pick(endings, index * 11 + 4)}`,
      topics: [topics[index % topics.length]!.slug],
      audiences: ['kommune', 'sykehus'],
    })
    const created = await services.content.create(fields)
    await services.content.publish(created.tenant, created.id, created.version)
  }
}

/** The three page types the issue names, over the demo seed: the national home, a regional listing, an item. */
export async function choosePages(services: Services, region = 'innlandet'): Promise<BenchPage[]> {
  // A demo article (a real body with headings, lists, a quote), not one of fillListing's; the first by slug,
  // because the seed publishes several at once and their order by date differs from run to run.
  const listing = await services.content.listEdition(region, { type: 'artikler', limit: 100 })
  const card = listing.items
    .filter((candidate) => !candidate.slug.startsWith('benk-'))
    .sort((a, b) => a.slug.localeCompare(b.slug))[0]
  if (!card) throw new Error(`the demo seed has no articles in ${region}; cannot pick an item page`)
  return [
    { key: 'home', label: 'national home /', path: '/', barePath: `/bare/home/${NATIONAL_TENANT}` },
    { key: 'listing', label: `listing /${region}/artikler`, path: `/${region}/artikler`, barePath: `/bare/listing/${region}/artikler` },
    { key: 'item', label: `item ${itemPath(card).slice(0, 40)}…`, path: itemPath(card), barePath: `/bare/item/${card.tenant}/${card.type}/${card.slug}` },
  ]
}
