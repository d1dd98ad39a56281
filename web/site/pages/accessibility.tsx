import { Document, type PageContext } from '../layout.tsx'
import { t } from '../text.ts'
import { mineText } from './mine-text.ts'

/**
 * The accessibility statement the Norwegian universal-design rules ask for (WCAG 2.1 AA). The official
 * statement is registered in uustatus.no; this page links to it and says how to report problems.
 */
export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const contact = ctx.catalog.nationalTenant?.contactEmail ?? ctx.edition.contactEmail
  return (
    <Document ctx={ctx} meta={{ title: t.accessibility, description: 'Hvordan Kompetansebroen oppfyller kravene til universell utforming.' }}>
      <h1>{t.accessibility}</h1>
      <p class="lead">
        Kompetansebroen skal kunne brukes av alle. Nettstedet er laget for å oppfylle kravene i forskrift om universell
        utforming av IKT-løsninger, som viser til WCAG 2.1 nivå AA.
      </p>
      <h2>Slik har vi lagt til rette</h2>
      <ul>
        <li>Alle sider kan leses og brukes uten JavaScript, med tastatur og med skjermleser.</li>
        <li>Tekst kan forstørres til 400 prosent uten at innhold forsvinner.</li>
        <li>Filmer har teksting, og podkaster har transkripsjon.</li>
        <li>Vi bruker ingen sporingskapsler og laster ikke innhold fra andre tjenester før du selv velger det.</li>
      </ul>
      <h2 id="personvern">Personvern: e-kurs, eksamen, kursbevis, påmelding og nyhetsbrev</h2>
      <p>
        Fremdriften din i et e-kurs lagres bare i nettleseren din. For at redaksjonen skal se hvor mange som bruker kurset,
        sender nettleseren to anonyme signaler per kurs: ett når du åpner den første leksjonen, og ett når du har gått gjennom
        alle leksjonene. Signalet sier bare hvilket kurs det gjelder. Vi lagrer ingen informasjonskapsel, ingen IP-adresse og
        ingen kjennetegn ved deg eller nettleseren, bare et antall per kurs og måned. Vi teller også hvor mange eksamensforsøk
        som rettes og bestås per kurs og måned. Svarene du gir på øvingsspørsmålene i leksjonene, lagres ikke.
      </p>
      <p>
        Du logger ikke inn. Når du tar en eksamen, lagrer vi spørsmålene du fikk og svarene dine uten noe som kan knyttes til
        deg, og vi sletter dem etter ett døgn. Hvor mange forsøk du har brukt, telles bare i nettleseren din.
      </p>
      <p>
        Noen kurs er SCORM-pakker fra andre tilbydere. De kjøres i en egen ramme fra en annen adresse enn nettstedet, så de
        ikke kan lese noe nettstedet har lagret. Fremdriften din i pakken (hvor du er, svar pakken tar vare på, status og
        poengsum) lagres bare i nettleseren din for den adressen. Når du starter kurset, lagrer vi et forsøk med kurset og
        tidspunktet; når pakken sier at du har bestått, sender nettleseren oss bare status og poengsum. Forsøket slettes etter
        ett døgn og inneholder ingenting som kan knyttes til deg.
      </p>
      <p>
        Når du laster ned et kursbevis, skrives hele navnet ditt bare inn i PDF-filen du får. Vi lagrer kontrollkoden, kurset,
        datoen, omfanget, redaksjonen som utstedte beviset, gyldigheten og initialene dine, slik at en arbeidsgiver kan
        kontrollere beviset på kontrollsiden. Opplysningene slettes tre måneder etter at beviset er utløpt, eller fem år og tre
        måneder etter utstedelsen for kurs uten utløpsdato.
      </p>
      <p>
        Det du søker etter, lagrer vi ikke, heller ikke det du skriver mens søkefeltet foreslår innhold. Søkeordene står i
        adressen til søkesiden, og adresser havner i tilgangsloggene til innholdsnettverket vårt sammen med IP-adressen, som
        for alle sidene. Loggene brukes bare ved feil og angrep og slettes etter 90 dager.
      </p>
      <p id="statistikk">
        Vi teller sidevisninger uten informasjonskapsler og uten noe som kjennetegner deg eller nettleseren din. Når en side med
        innhold er lastet ferdig, sender nettleseren et signal som bare sier hvilket innhold og hvilken redaksjons nettsted det
        gjelder. Vi lagrer bare et antall visninger per innhold, redaksjon og dag, ikke IP-adressen din, ikke nettleseren og
        ikke klokkeslettet. Roboter og sider som bare hentes på forhånd, telles ikke.
      </p>
      <p>
        Nedlastinger og avspillinger av podkaster og filmer teller vi fra tilgangsloggene etter bransjestandarden IAB Podcast
        Measurement: én nedlasting når minst ett minutt av lyden eller filmen er hentet, én gang per lytter og døgn, og ikke
        for roboter. For å kjenne igjen samme lytter gjennom døgnet gjør vi IP-adressen (for IPv6 bare de første 64 bitene),
        nettleserens navn og filen om til en kode med et tilfeldig tall («salt») som lages på nytt hver dag. Saltet og kodene
        slettes to døgn etter, og da kan ingen regne seg tilbake til adressen. IP-adressen lagres aldri i tellingene, og
        tallene sendes ikke til noen andre.
      </p>
      <p>
        Når du melder deg på et arrangement her, lagrer vi navnet ditt, e-postadressen, arbeidssted, kommune, eventuelle
        behov for tilrettelegging eller spesialkost du skriver inn, samtykketeksten slik du så den, når du meldte deg på, og
        om du har plass, står på venteliste eller har meldt deg av. Opplysningene brukes bare til arrangementet: deltakerlisten,
        som bare redaksjonen som eier arrangementet ser, og e-post om påmeldingen (bekreftelse, venteliste, ledig plass,
        påminnelse dagen før og avmelding), sendt gjennom Amazon SES. Hver e-post har en lenke du kan melde deg av med; lenken er en hemmelig kode som
        vi bare lagrer i omgjort form. Alt slettes automatisk et fast antall dager etter at arrangementet er over (30 dager,
        med mindre arrangøren har valgt noe annet; antallet står i skjemaet), også om du har meldt deg av. Flyttes
        arrangementet, flyttes slettingen med.
      </p>
      <p id="nyhetsbrev">
        Abonnerer du på nyhetsbrevet fra en redaksjon, lagrer vi bare e-postadressen, hvilke fagtema du valgte (eller «alt»),
        samtykketeksten slik du så den, når du meldte deg på og når du bekreftet. Før du har bekreftet fra e-posten vi sender,
        får du ingen nyhetsbrev, og uten bekreftelse slettes adressen automatisk etter 48 timer. Lenkene i e-postene er
        hemmelige koder som vi bare lagrer i omgjort form. Hvert nyhetsbrev har en lenke til innstillingene dine og en lenke
        for å melde deg av med ett klikk; da sletter vi adressen og valgene dine med en gang. For at ingen skal få mer enn ett
        nyhetsbrev, noterer vi en omgjort form av adressen for hvert utsendt nyhetsbrev, og den slettes etter 60 dager. For at
        ingen skal kunne fylle innboksen din med bekreftelser, sender vi høyst én slik e-post per adresse per ti minutter, og
        husker en omgjort form av adressen så lenge. Kommer e-posten i retur fordi adressen ikke finnes, eller markerer du den
        som søppelpost, sletter vi abonnementet og husker en omgjort form av adressen i ett år, så vi ikke sender dit igjen.
        E-posten sendes gjennom Amazon SES. Redaksjonen ser bare hvor mange som abonnerer, ikke hvem.
      </p>
      <p>
        Favorittene dine og innholdet du lagrer for bruk uten nett, finnes bare på enheten din: favorittene i nettleserens
        lokale lagring, lagrede sider, bilder og lydfiler i nettleserens hurtiglager. Vi har ingen konto for deg, setter ingen
        informasjonskapsel for dette og får ikke vite hva du har valgt. For å vise favorittene dine som kort henter nettleseren
        kortene fra det åpne API-et vårt, slik den henter en vanlig side, uten noe som kan knyttes til deg; vi lagrer ikke
        hva som ble spurt etter. En lenke du lager for å ta med favorittene til en annen enhet, har lista etter #-tegnet, og
        den delen av en adresse sender nettleseren aldri til oss. Du sletter alt under «{mineText.title}» eller ved å tømme
        nettstedsdataene i nettleseren.
      </p>
      <h2>Erklæring i uustatus</h2>
      <p>
        Den offisielle tilgjengelighetserklæringen er publisert hos Tilsynet for universell utforming av ikt:{' '}
        <a href="https://uustatus.no/">uustatus.no</a>.
      </p>
      <h2>{t.reportProblem}</h2>
      <p>
        Opplever du noe som ikke fungerer, eller mangler teksting eller transkripsjon? Skriv til oss på{' '}
        <a href={`mailto:${contact}?subject=${encodeURIComponent('Tilgjengelighet på Kompetansebroen')}`}>{contact}</a>, så svarer vi
        innen fem virkedager. Du kan også klage til{' '}
        <a href="https://www.uutilsynet.no/">Tilsynet for universell utforming av ikt</a>.
      </p>
    </Document>
  )
}
