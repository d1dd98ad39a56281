import { ZipFile } from 'yazl'

/**
 * A small, real SCORM 1.2 package made for the demo: three pages about hand hygiene and a five-question test
 * that reports its score and lesson_status through the runtime the package finds (window.API, up the frames, as
 * SCORM 1.2's API discovery prescribes). It keeps its place in cmi.core.lesson_location and suspend_data, so a
 * reader resumes where they left. Written as a package from an authoring tool would be: a manifest at the root,
 * an HTML page, a script and a stylesheet.
 */

export const scormDemoTitle = 'Håndhygiene i praksis'
/** The manifest's mastery score: 4 of the 5 questions. */
export const scormDemoMastery = 80

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kompetansebroen-haandhygiene" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="kurs">
    <organization identifier="kurs">
      <title>${scormDemoTitle}</title>
      <item identifier="leksjon" identifierref="ressurs" isvisible="true">
        <title>${scormDemoTitle}</title>
        <adlcp:masteryscore>${scormDemoMastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="ressurs" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="kurs.js"/>
      <file href="kurs.css"/>
    </resource>
  </resources>
</manifest>
`

/** The test: each question's options, the right one first here (the page does not shuffle; it is a demo). */
export const scormDemoQuestions = [
  { text: 'Hva er det viktigste tiltaket for å hindre smitte mellom pasienter?', options: ['Håndhygiene', 'Munnbind hele dagen', 'Antibiotika'] },
  { text: 'Når skal du utføre håndhygiene?', options: ['Før og etter pasientkontakt, og i de andre av de fem situasjonene', 'Bare når hendene er synlig skitne', 'Bare ved arbeidsdagens slutt'] },
  { text: 'Hvor lenge bør du gni inn hånddesinfeksjon?', options: ['Til hendene er tørre, omtrent 30 sekunder', 'Fem sekunder', 'Til du kjenner lukten'] },
  { text: 'Når skal du vaske hendene med såpe og vann i stedet for å bruke desinfeksjon?', options: ['Når hendene er synlig skitne, og ved omgangssyke', 'Aldri', 'Alltid før desinfeksjon'] },
  { text: 'Hva gjør du med hanskene etter stell av én pasient?', options: ['Tar dem av og utfører håndhygiene før neste pasient', 'Desinfiserer hanskene og fortsetter', 'Beholder dem resten av vakten'] },
]

const page = (n: number, title: string, body: string) => `
<section class="side" data-side="${n}" aria-labelledby="side-${n}" hidden>
  <h2 id="side-${n}" tabindex="-1">${title}</h2>
  ${body}
</section>`

const html = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${scormDemoTitle}</title>
<link rel="stylesheet" href="kurs.css">
<script src="kurs.js" defer></script>
</head>
<body>
<main>
<h1>${scormDemoTitle}</h1>
<p class="fremdrift" aria-live="polite" id="fremdrift"></p>
${page(1, 'Hvorfor håndhygiene?', `<p>Hendene er den vanligste smitteveien mellom pasienter i helsetjenesten. Riktig håndhygiene er det enkleste og viktigste tiltaket mot helsetjenesteassosierte infeksjoner, og det gjelder alle som har pasientkontakt.</p>
  <p>Hånddesinfeksjon med alkohol virker raskt og er skånsom for huden. Såpe og vann trengs når hendene er synlig skitne, og ved omgangssyke, fordi alkohol ikke tar norovirus og sporer.</p>`)}
${page(2, 'De fem situasjonene', `<p>Verdens helseorganisasjon beskriver fem situasjoner der du skal utføre håndhygiene:</p>
  <ol><li>før pasientkontakt</li><li>før rene og aseptiske oppgaver</li><li>etter risiko for eksponering for kroppsvæsker</li><li>etter pasientkontakt</li><li>etter kontakt med pasientens omgivelser</li></ol>
  <p>Hansker erstatter ikke håndhygiene: ta dem av og desinfiser hendene mellom hver pasient.</p>`)}
${page(3, 'Slik gjør du det', `<p>Ta nok desinfeksjon til å fukte hele hånden, omtrent en håndfull. Gni håndflater, håndrygger, mellom fingrene, tomlene og fingertuppene til hendene er tørre, omtrent 30 sekunder.</p>
  <p>Hold neglene korte, og bruk ikke ringer, armbåndsur eller kunstige negler når du har pasientkontakt.</p>`)}
${page(4, 'Test', `<p>Svar på fem spørsmål. Du må ha minst fire riktige for å bestå.</p>
  <form id="test">
  ${scormDemoQuestions
    .map(
      (question, q) => `<fieldset><legend>${q + 1}. ${question.text}</legend>
    ${question.options.map((option, o) => `<p><input type="radio" name="q${q}" id="q${q}-${o}" value="${o}" required><label for="q${q}-${o}">${option}</label></p>`).join('\n    ')}
  </fieldset>`,
    )
    .join('\n  ')}
  <p><button type="submit">Lever testen</button></p>
  </form>
  <p id="resultat" role="status"></p>`)}
<nav aria-label="Sider i kurset">
<button type="button" id="forrige">Forrige side</button>
<button type="button" id="neste">Neste side</button>
</nav>
</main>
</body>
</html>
`

const script = `// SCORM 1.2 API discovery (RTE 3.3.6.1): up the parents, then the opener, at most seven levels.
function findApi(win) {
  for (var tries = 0; win && tries < 7; tries++) {
    if (win.API) return win.API;
    if (win.parent === win) break;
    win = win.parent;
  }
  return window.opener && window.opener.API ? window.opener.API : null;
}
var api = findApi(window);
var total = 4;
var current = 1;
var finished = false;
function set(name, value) { if (api) api.LMSSetValue(name, String(value)); }
function show(n, focus) {
  current = Math.max(1, Math.min(total, n));
  document.querySelectorAll('.side').forEach(function (side) { side.hidden = Number(side.getAttribute('data-side')) !== current; });
  document.getElementById('fremdrift').textContent = 'Side ' + current + ' av ' + total;
  document.getElementById('forrige').disabled = current === 1;
  document.getElementById('neste').disabled = current === total;
  if (focus) document.getElementById('side-' + current).focus();
  set('cmi.core.lesson_location', current);
  set('cmi.core.exit', 'suspend');
  set('cmi.suspend_data', 'side=' + current);
  if (api) api.LMSCommit('');
}
document.addEventListener('DOMContentLoaded', function () {
  if (api) {
    api.LMSInitialize('');
    if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
  }
  var saved = api ? Number(api.LMSGetValue('cmi.core.lesson_location')) : 0;
  show(saved || 1, false);
  document.getElementById('forrige').addEventListener('click', function () { show(current - 1, true); });
  document.getElementById('neste').addEventListener('click', function () { show(current + 1, true); });
  document.getElementById('test').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var right = 0;
    for (var q = 0; q < ${scormDemoQuestions.length}; q++) if (form.elements['q' + q].value === '0') right++;
    var score = Math.round((right / ${scormDemoQuestions.length}) * 100);
    var passed = score >= ${scormDemoMastery};
    set('cmi.core.score.min', 0);
    set('cmi.core.score.max', 100);
    set('cmi.core.score.raw', score);
    set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
    if (api) api.LMSCommit('');
    document.getElementById('resultat').textContent = 'Du fikk ' + right + ' av ${scormDemoQuestions.length} riktige (' + score + ' %). ' + (passed ? 'Du har bestått.' : 'Du må ha minst fire riktige. Prøv igjen.');
  });
});
window.addEventListener('pagehide', function () {
  if (api && !finished) { finished = true; api.LMSFinish(''); }
});
`

const css = `body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1d1d1b; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; }
fieldset { border: 1px solid #767676; margin: 0 0 1rem; }
button { font: inherit; padding: 0.4rem 0.9rem; }
nav { display: flex; gap: 0.5rem; margin-top: 1.5rem; }
.fremdrift { color: #4a4a4a; }
`

/** The package's bytes: a zip, as an authoring tool exports it. */
export async function scormDemoPackage(): Promise<Buffer> {
  const zip = new ZipFile()
  const mtime = new Date('2026-01-15T12:00:00Z')
  for (const [name, text] of Object.entries({ 'imsmanifest.xml': manifest, 'index.html': html, 'kurs.js': script, 'kurs.css': css })) zip.addBuffer(Buffer.from(text), name, { mtime })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
