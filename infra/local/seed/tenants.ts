import type { initialTenantIds } from '../../definitions.ts'
import type { Tenant } from '../../../functions/tenants/schema.ts'

export type TenantId = (typeof initialTenantIds)[number]

/** A demo edition: the tenant record the site stores, plus what the seed's templates need to sound local. */
export interface Region {
  tenant: Tenant & { id: TenantId }
  /** The brand colour in words, for alt texts. */
  colourName: string
  hospital: string
  college: string
  /** A member municipality that stories and examples take place in. */
  municipality: string
  venue: { name: string; address: string }
}

const region = (
  tenant: Omit<Tenant, 'contactEmail' | 'national'> & { id: TenantId },
  local: Omit<Region, 'tenant'>,
): Region => ({
  tenant: { ...tenant, contactEmail: `post@${tenant.id}.example.no`, national: tenant.id === 'nasjonal' },
  ...local,
})

export const regions: Region[] = [
  region(
    {
      id: 'nasjonal',
      name: 'Kompetansebroen',
      regionName: 'Hele landet',
      description:
        'Kompetansebroen er en gratis nettbasert plattform der sykehus, kommuner og utdanningsinstitusjoner deler fagkunnskap med helsepersonell og studenter. Det sentrale sekretariatet samler innhold fra alle regionene i den nasjonale utgaven.',
      colour: '#1d4f91',
      organisations: ['Akershus universitetssykehus HF', 'Helse Sør-Øst RHF', 'OsloMet – storbyuniversitetet', 'KS – kommunesektorens organisasjon'],
    },
    {
      colourName: 'blå',
      hospital: 'Akershus universitetssykehus',
      college: 'OsloMet – storbyuniversitetet',
      municipality: 'Lillestrøm kommune',
      venue: { name: 'Akershus universitetssykehus, Store auditorium', address: 'Sykehusveien 25, 1478 Lørenskog' },
    },
  ),
  region(
    {
      id: 'akershus',
      name: 'Kompetansebroen Ahus',
      regionName: 'Akershus',
      description:
        'Kompetansebroen Ahus er samarbeidet mellom Akershus universitetssykehus, kommunene i sykehusets opptaksområde og OsloMet. Her deler vi e-kurs, filmer og podkaster som styrker samhandlingen rundt pasientene i vårt område.',
      colour: '#00677f',
      organisations: [
        'Akershus universitetssykehus HF',
        'Lillestrøm kommune',
        'Lørenskog kommune',
        'Nordre Follo kommune',
        'Ullensaker kommune',
        'Aurskog-Høland kommune',
        'Rælingen kommune',
        'OsloMet – storbyuniversitetet',
      ],
    },
    {
      colourName: 'petroleumsblå',
      hospital: 'Akershus universitetssykehus',
      college: 'OsloMet – storbyuniversitetet',
      municipality: 'Lørenskog kommune',
      venue: { name: 'Akershus universitetssykehus, Simuleringssenteret', address: 'Sykehusveien 25, 1478 Lørenskog' },
    },
  ),
  region(
    {
      id: 'innlandet',
      name: 'Kompetansebroen Innlandet',
      regionName: 'Innlandet',
      description:
        'Kompetansebroen Innlandet er en felles plattform for kompetansedeling mellom Sykehuset Innlandet, kommunene, utviklingssentrene for sykehjem og hjemmetjenester, NTNU Gjøvik og Høgskolen i Innlandet. Målet er at pasientene skal møte kompetente og informerte medarbeidere på tvers av helsetjenestene.',
      colour: '#2e6b30',
      organisations: [
        'Sykehuset Innlandet HF',
        'Gjøvik kommune',
        'Hamar kommune',
        'Lillehammer kommune',
        'Elverum kommune',
        'Kongsvinger kommune',
        'Høgskolen i Innlandet',
        'NTNU Gjøvik',
        'Senter for omsorgsforskning, øst',
        'Utviklingssenter for sykehjem og hjemmetjenester i Innlandet',
      ],
    },
    {
      colourName: 'grønn',
      hospital: 'Sykehuset Innlandet',
      college: 'Høgskolen i Innlandet',
      municipality: 'Gjøvik kommune',
      venue: { name: 'Sykehuset Innlandet Gjøvik, auditoriet', address: 'Kyrre Greppes gate 11, 2819 Gjøvik' },
    },
  ),
  region(
    {
      id: 'vestfold',
      name: 'Kompetansebroen Vestfold',
      regionName: 'Vestfold',
      description:
        'Kompetansebroen Vestfold samler fagstoff fra Sykehuset i Vestfold, kommunene i Vestfold og Universitetet i Sørøst-Norge. Redaksjonen har medarbeidere både i sykehuset og i kommunene, og lager innhold for alle som jobber med pasienter på tvers av nivåene.',
      colour: '#7a2e6b',
      organisations: [
        'Sykehuset i Vestfold HF',
        'Tønsberg kommune',
        'Sandefjord kommune',
        'Larvik kommune',
        'Horten kommune',
        'Holmestrand kommune',
        'Færder kommune',
        'Universitetet i Sørøst-Norge',
      ],
    },
    {
      colourName: 'plommefarget',
      hospital: 'Sykehuset i Vestfold',
      college: 'Universitetet i Sørøst-Norge',
      municipality: 'Sandefjord kommune',
      venue: { name: 'Sykehuset i Vestfold, Tønsberg, auditoriet', address: 'Halfdan Wilhelmsens allé 17, 3116 Tønsberg' },
    },
  ),
  region(
    {
      id: 'ostfold',
      name: 'Kompetansebroen Østfold',
      regionName: 'Østfold',
      description:
        'Kompetansebroen Østfold er helsefellesskapets arena for kompetansedeling mellom Sykehuset Østfold, kommunene i Østfold og Høgskolen i Østfold. Her finner du kurs, filmer og podkaster laget av fagfolk i regionen.',
      colour: '#a3262a',
      organisations: [
        'Sykehuset Østfold HF',
        'Fredrikstad kommune',
        'Sarpsborg kommune',
        'Halden kommune',
        'Moss kommune',
        'Indre Østfold kommune',
        'Høgskolen i Østfold',
      ],
    },
    {
      colourName: 'rød',
      hospital: 'Sykehuset Østfold',
      college: 'Høgskolen i Østfold',
      municipality: 'Fredrikstad kommune',
      venue: { name: 'Sykehuset Østfold Kalnes, auditoriet', address: 'Kalnesveien 300, 1714 Grålum' },
    },
  ),
]
