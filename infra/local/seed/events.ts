import { laterTime, midweekDay, osloInstant } from './dates.ts'
import { seedBase, type Draft, type DraftsByTenant, type SeedContext, type SeedItem } from './item.ts'
import type { Region } from './tenants.ts'
import { doc, h2, p, ul } from './text.ts'

interface EventDraft extends Draft {
  about: string
  /** Days from the seed's "now" (negative: already held); moved to the next Tuesday–Thursday. */
  inDays: number
  start: '09:00' | '12:00'
  minutes: number
  /** 'venue': at the region's venue; 'online': webinar; 'hybrid': both. */
  format: 'venue' | 'online' | 'hybrid'
  program: string[]
  organiser?: string
  /**
   * Built-in sign-up (issue 13) instead of another site's link, so `npm start` shows a working "Meld deg på": seats,
   * whether a waiting list opens when they are taken, and the deadline in days before the start.
   */
  signup?: { capacity: number; waitingList: boolean; deadlineDays: number }
}

const drafts: DraftsByTenant<EventDraft> = {
  nasjonal: [
    { title: 'Nasjonal samling for helsefellesskapene', summary: 'Ledere og fagfolk fra helsefellesskapene møtes for å dele erfaringer med felles kompetansearbeid.', about: 'Samlingen samler representanter fra helseforetak, kommuner, fastleger og brukere. Vi ser på hvordan felles opplæring kan støtte pasientforløpene i helsefellesskapene.', inDays: 40, start: '09:00', minutes: 360, format: 'hybrid', program: ['Velkommen og innledning', 'Erfaringer fra fire helsefellesskap', 'Lunsj', 'Gruppearbeid: felles kompetanseplaner', 'Oppsummering og veien videre'], topics: ['kommunikasjon-og-samhandling'], audiences: ['kommune', 'sykehus', 'fastlege'] },
    { title: 'Lunsjwebinar: Nytt om legemiddelsamstemming', summary: 'En halvtime om de nye rutinene for legemiddelsamstemming mellom sykehus og kommune.', about: 'En farmasøyt og en sykepleier går gjennom rutinene og svarer på spørsmål fra deltakerne i chatten.', inDays: 9, start: '12:00', minutes: 45, format: 'online', program: ['Hva er nytt?', 'Eksempler fra praksis', 'Spørsmål og svar'], topics: ['legemiddelhandtering', 'pasientsikkerhet'], audiences: ['kommune', 'sykehus', 'fastlege'] },
    { title: 'Redaktørsamling i Kompetansebroen', summary: 'Redaktørene fra alle regionene møttes for å planlegge innholdet for neste halvår.', about: 'På samlingen ble redaksjonene enige om felles satsinger og fordelte ansvaret for nye kurs og filmer.', inDays: -24, start: '09:00', minutes: 300, format: 'venue', program: ['Status fra regionene', 'Felles satsinger', 'Planlegging av nye kurs'], topics: ['kommunikasjon-og-samhandling'], audiences: ['kommune', 'sykehus'] },
  ],
  akershus: [
    { title: 'Fagdag om demens', summary: 'En dag om utredning, miljøbehandling og samarbeid med pårørende, for ansatte i kommunene og på Ahus.', about: 'Fagdagen arrangeres av Alderspsykiatrisk avdeling og kommunene i Ahus-området, og passer for alle som jobber med personer med demens.', inDays: 30, start: '09:00', minutes: 360, format: 'venue', program: ['Demens i 2030 – hva venter oss?', 'Utredning i kommunen', 'Lunsj', 'Miljøbehandling i praksis', 'Pårørende forteller'], topics: ['demens', 'eldres-helse'], audiences: ['kommune', 'sykehus', 'student'], shared: true, signup: { capacity: 60, waitingList: true, deadlineDays: 7 } },
    { title: 'Simuleringskurs: akutt syke eldre', summary: 'Trening i team på vurdering og behandling av akutt syke eldre pasienter, i simuleringssenteret på Ahus.', about: 'Kurset er for sykepleiere i hjemmetjenesten og på sykehjem. Dere trener i team og får veiledning av instruktører fra Ahus.', inDays: 65, start: '09:00', minutes: 420, format: 'venue', program: ['Repetisjon av ABCDE og NEWS2', 'Scenario 1: sepsis', 'Lunsj', 'Scenario 2: akutt pustebesvær', 'Debriefing og oppsummering'], topics: ['akuttmedisin', 'eldres-helse'], audiences: ['kommune'] },
    { title: 'Webinar: Delirium hos eldre', summary: 'Hvordan oppdage og forebygge delirium, med eksempler fra Ahus og kommunene.', about: 'Webinaret ga en innføring i kartlegging med 4AT og tiltak som forebygger delirium.', inDays: -20, start: '12:00', minutes: 60, format: 'online', program: ['Hva er delirium?', 'Kartlegging med 4AT', 'Spørsmål og svar'], topics: ['eldres-helse', 'demens'], audiences: ['kommune', 'sykehus'] },
  ],
  innlandet: [
    { title: 'Samhandlingskonferansen i Innlandet', summary: 'Kommuner, sykehus og utdanning møtes for å dele erfaringer med gode pasientforløp.', about: 'Konferansen er en møteplass for alle som jobber med samhandling i Innlandet. Programmet er laget av partnerne i Kompetansebroen Innlandet.', inDays: 50, start: '09:00', minutes: 390, format: 'hybrid', program: ['Åpning', 'Pasientforløp for skrøpelige eldre', 'Lunsj', 'Digital samhandling i praksis', 'Studentenes blikk på samarbeidet'], topics: ['kommunikasjon-og-samhandling', 'eldres-helse'], audiences: ['kommune', 'sykehus', 'student', 'fastlege'], shared: true },
    { title: 'Lunsjwebinar: Ernæring hos eldre', summary: 'Kartlegging og tiltak mot underernæring, med klinisk ernæringsfysiolog fra Sykehuset Innlandet.', about: 'Webinaret gir en praktisk innføring i kartlegging og ernæringsplan, og viser eksempler fra sykehjem i Innlandet.', inDays: 16, start: '12:00', minutes: 45, format: 'online', program: ['Hvorfor ernæring er behandling', 'Kartlegging med MNA', 'Spørsmål og svar'], topics: ['ernaering', 'eldres-helse'], audiences: ['kommune', 'sykehus'] },
    { title: 'Nettverkssamling for legemiddelansvarlige', summary: 'Legemiddelansvarlige sykepleiere i Innlandet delte erfaringer med avvik og forbedringsarbeid.', about: 'Samlingen handlet om samstemming, avvikslæring og opplæring av nyansatte.', inDays: -30, start: '09:00', minutes: 240, format: 'venue', program: ['Erfaringer fra Gjøvik', 'Avvik som læring', 'Opplæringsplaner'], topics: ['legemiddelhandtering'], audiences: ['kommune'] },
  ],
  vestfold: [
    { title: 'Palliasjonsdagen i Vestfold', summary: 'Fagdag om lindrende behandling for ressurssykepleiere, leger og andre som jobber med alvorlig syke.', about: 'Palliativt team ved Sykehuset i Vestfold og nettverket av ressurssykepleiere inviterer til en dag om symptomlindring og samtaler.', inDays: 35, start: '09:00', minutes: 360, format: 'venue', program: ['Symptomlindring i livets siste dager', 'Den forberedende samtalen', 'Lunsj', 'Palliativ plan i praksis', 'Å ta vare på seg selv som helsepersonell'], topics: ['palliasjon', 'kreft'], audiences: ['kommune', 'sykehus', 'fastlege'], shared: true },
    { title: 'Webinar: KOLS-forverring i kommunen', summary: 'Lungeleger og sykepleiere gir råd om observasjon, behandling og når pasienten bør legges inn.', about: 'Webinaret passer for hjemmetjenesten, sykehjem og fastleger som følger opp pasienter med KOLS.', inDays: 12, start: '12:00', minutes: 60, format: 'online', program: ['Tegn på forverring', 'Egenbehandlingsplanen', 'Spørsmål og svar'], topics: ['kroniske-lidelser'], audiences: ['kommune', 'fastlege'] },
    { title: 'Kurs i forflytning', summary: 'Praktisk kurs i forflytning med hjelpemidler for ansatte i kommunene.', about: 'Kurset ga praktisk trening i forflytning med glidematte, seilløfter og rullebrett.', inDays: -18, start: '09:00', minutes: 180, format: 'venue', program: ['Prinsipper for forflytning', 'Praktiske øvelser', 'Oppsummering'], topics: ['rehabilitering'], audiences: ['kommune', 'student'] },
  ],
  ostfold: [
    { title: 'Smittevernkonferansen i Østfold', summary: 'Årlig konferanse om smittevern for ansatte i sykehus og kommuner i Østfold.', about: 'Konferansen tar opp utbruddshåndtering, antibiotikaresistens og smittevern i hjemmetjenesten.', inDays: 55, start: '09:00', minutes: 360, format: 'hybrid', program: ['Status for smittevern i Østfold', 'Utbrudd på sykehjem', 'Lunsj', 'Antibiotikaresistens', 'Smittevern i hjemmetjenesten'], topics: ['smittevern'], audiences: ['kommune', 'sykehus', 'student'] },
    { title: 'Lunsjwebinar: Barn som pårørende', summary: 'Hvordan ivaretar vi barna når en forelder er alvorlig syk? Med barneansvarlig ved Sykehuset Østfold.', about: 'Webinaret handler om plikten til å ivareta barn som pårørende, og gir konkrete råd om samtaler med familien.', inDays: 20, start: '12:00', minutes: 45, format: 'online', program: ['Hva sier loven?', 'Samtalen med foreldrene', 'Spørsmål og svar'], topics: ['barn-og-unge'], audiences: ['kommune', 'sykehus', 'fastlege'], shared: true, signup: { capacity: 3, waitingList: true, deadlineDays: 1 } },
    { title: 'Diabetesdagen på Kalnes', summary: 'Fagdag om diabetes for sykepleiere og helsefagarbeidere i kommunene.', about: 'Fagdagen handlet om insulinbehandling, fotstell og oppfølging av eldre med diabetes.', inDays: -26, start: '09:00', minutes: 300, format: 'venue', program: ['Insulinbehandling', 'Fotstell og sår', 'Oppfølging av eldre med diabetes'], topics: ['diabetes'], audiences: ['kommune', 'student'] },
  ],
}

/** "kl. 09.45", as times are written in Norwegian. */
const clock = (time: string) => `kl. ${time.replace(':', '.')}`

export function events(region: Region, { now }: SeedContext): SeedItem[] {
  return drafts[region.tenant.id].map((draft) => {
    const day = midweekDay(now, draft.inDays)
    const step = Math.floor(draft.minutes / draft.program.length / 15) * 15
    const program = draft.program.map((item, index) => `${clock(laterTime(draft.start, index * step))}: ${item}`)
    const place = {
      venue: `Sted: ${region.venue.name}, ${region.venue.address}.`,
      online: 'Arrangementet er digitalt. Lenke til sendingen finner du på denne siden.',
      hybrid: `Sted: ${region.venue.name}, ${region.venue.address}. Du kan også følge arrangementet digitalt.`,
    }[draft.format]
    const body = doc(
      p(draft.about),
      h2('Program'),
      ul(...program),
      h2('Praktisk informasjon'),
      p(`${place} Arrangementet er gratis.`),
    )
    const base = seedBase(region, 'arrangementer', draft, body)
    const online = draft.format !== 'venue' ? { onlineUrl: `https://webinar.example.no/${region.tenant.id}/${base.slug}` } : {}
    const location = draft.format !== 'online' ? { location: region.venue } : {}
    return {
      fields: {
        type: 'arrangementer',
        ...base.fields,
        startsAt: osloInstant(day, draft.start),
        endsAt: osloInstant(day, laterTime(draft.start, draft.minutes)),
        ...location,
        ...online,
        organiser: draft.organiser ?? `${region.tenant.name} og ${region.hospital}`,
        ...(draft.signup
          ? {
              registration: 'built-in' as const,
              capacity: draft.signup.capacity,
              waitingList: draft.signup.waitingList,
              registrationDeadline: new Date(Date.parse(osloInstant(day, draft.start)) - draft.signup.deadlineDays * 86_400_000).toISOString(),
              // The webinar's link goes to those with a seat only (their e-mails), not on the page.
              ...(draft.format === 'online' ? { onlineUrlForParticipants: true } : {}),
            }
          : { registrationUrl: `https://pamelding.example.no/${region.tenant.id}/${base.slug}` }),
      },
      media: base.media,
    }
  })
}
