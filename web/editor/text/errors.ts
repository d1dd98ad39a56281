import type { ErrorCode } from '../../../functions/shared/error-codes.ts'

/**
 * What an editor reads when the API refuses something, by the API's stable code (never by its English
 * sentence, issue 17): one text for every code, so a new code does not compile until it has its bokmål. Codes
 * the workspace answers with a view of their own (stale_version: the conflict view, slug_taken: the address
 * field, publish_blocked: the list of problems) have a text here too, for the screens that have no such view.
 */
export const errorCodeText = {
  bad_request: 'Serveren godtok ikke det som ble sendt. Sjekk feltene og prøv igjen.',
  unauthorized: 'Du er logget ut. Logg inn igjen for å fortsette.',
  forbidden: 'Du har ikke tilgang til dette.',
  not_found: 'Fant ikke innholdet. Det kan være slettet.',
  conflict: 'Det du prøvde å gjøre, passer ikke med slik innholdet er nå. Last siden på nytt og prøv igjen.',
  gone: 'Dette finnes ikke lenger.',
  unavailable: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
  internal: 'Noe gikk galt hos oss. Prøv igjen om litt.',
  stale_version: 'Noen har lagret en nyere versjon mens du arbeidet. Last siden på nytt for å se den.',
  slug_taken: 'Nettadressen er allerede i bruk. Velg en annen.',
  publish_blocked: 'Innholdet kan ikke publiseres ennå. Rett opp det som mangler, og prøv igjen.',
  wrong_attempt: 'Svaret hører til et annet forsøk. Last siden på nytt og prøv igjen.',
  scorm_not_passed: 'Kurset er ikke fullført og bestått ennå.',
  invalid_media: 'Filen hører ikke til denne redaksjonens mediebibliotek. Velg en fil fra mediebiblioteket.',
  media_not_usable:
    'En av filene kan ikke brukes ennå: den er ikke ferdig lastet opp, er i ferd med å slettes, eller bildet mangler alternativ tekst. Sjekk filen i mediebiblioteket og lagre igjen.',
  media_in_use: 'Filen brukes i innhold og kan ikke slettes. Fjern den fra innholdet først.',
  unknown_topic: 'Et av fagtemaene er ikke i bruk lenger. Fjern haken ved det, eller velg et annet fra listen.',
  featured_limit: 'Forsiden viser allerede så mange fremhevede saker som den har plass til. Fjern fremhevingen av en av dem først.',
  payload_too_large: 'Innholdet er for stort til å lagres. Kort ned teksten, eller del den i flere saker.',
  too_many_changes:
    'Saken vises i så mange lister (fagtema × utgaver) at endringen ikke kan gjøres i ett steg. Fjern noen fagtema, publiser, og legg dem til igjen.',
  invalid_cursor: 'Listen har endret seg. Gå til første side og prøv igjen.',
  unknown_item: 'En av sakene er ikke blant redaksjonens nyeste publiserte saker lenger. Last siden på nytt og velg igjen.',
  no_editor_email: 'Kontoen din har ingen bekreftet e-postadresse å sende testen til.',
  issue_not_scheduled: 'Utsendingen har allerede startet og kan ikke trekkes tilbake.',
  feed_not_https: 'Adressen til kalenderen må begynne med https://. Vi henter bare kalendere over en sikker forbindelse.',
  too_many_feeds: 'Redaksjonen abonnerer allerede på så mange partnerkalendere som vi kan hente. Fjern en før du legger til en ny.',
  item_published: 'Innholdet er publisert. Avpubliser det før du sletter det.',
  item_binned: 'Innholdet er flyttet til papirkurven. Gjenopprett det fra papirkurven hvis du vil fortsette å arbeide med det.',
  copy_unsupported: 'Et kurs med leksjoner eller eksamen kan ikke kopieres ennå. Lag et nytt kurs i stedet.',
  colour_too_light: 'Fargen er for lys til hvit tekst. Velg en mørkere farge, slik at kontrasten mot hvitt blir minst 4,5:1.',
  reserved_id: 'Denne kortadressen brukes allerede av nettstedet selv. Velg en annen.',
  tenant_exists: 'Det finnes allerede en utgave med denne kortadressen. Velg en annen.',
  topic_exists: 'Det finnes allerede et fagtema med denne nettadressen, kanskje et som er avviklet. Velg en annen.',
  topic_retired: 'Fagtemaet er allerede avviklet. Last siden på nytt.',
  own_account: 'Du kan ikke deaktivere din egen konto eller fjerne din egen administratorrett. Be en annen administrator om å gjøre det.',
  national_edition: 'Den nasjonale utgaven kan ikke skjules for lesere: den viser det delte innholdet fra alle de andre.',
  embed_unavailable:
    'En innebygd film eller podkastepisode er ikke tilgjengelig: den må være publisert og høre til redaksjonen din eller være delt nasjonalt. Fjern den fra brødteksten, eller velg en annen.',
} satisfies Record<ErrorCode, string>

/**
 * The exam API's refusals that mean something particular on the question-bank screen (views/exam-editor.tsx).
 * publish_blocked is answered there with the gaps the workspace finds itself (exam-model.ts publishGaps), since
 * the API words them in English only.
 */
export const examErrorCodeText: Partial<Record<ErrorCode, string>> = {
  // POST …/exam/publish answers 409 while the course itself is not published.
  conflict: 'Kurset må være publisert før eksamen kan publiseres, fordi leserne finner eksamen fra kurssiden. Publiser kurset først.',
  not_found: 'Kurset finnes ikke lenger i denne redaksjonen.',
  bad_request: 'Eksamen ble ikke godtatt. Sjekk at hvert spørsmål har et læringsmål kurset har, og at tekstene er fylt ut.',
}
