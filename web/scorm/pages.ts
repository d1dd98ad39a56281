import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The player's builds, one per SCORM version, so a 1.2 package never loads 2004's much larger runtime. */
export const scormPlayers = ['scorm-player-12', 'scorm-player-2004'] as const

/**
 * The player's page for each version, written beside its hashed script (same hash, `.html`) and added to the
 * manifest as `scorm-player-12.html`: the course's page frames it on the SCORM origin (web/site/routes/scorm.tsx).
 * Static, so CloudFront serves it from the assets bucket; what it plays comes in the URL fragment.
 */
export function writeScormPlayerPages(manifest: Record<string, string>, outDir: string): void {
  for (const name of scormPlayers) {
    const script = manifest[`${name}.js`]
    if (!script) continue
    const page = script.replace(/\.js$/, '.html')
    const html = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kursspiller</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}iframe{border:0;width:100%;height:100%;display:block}p{display:none;margin:1rem}body[data-state=invalid] p{display:block}body[data-state=invalid] iframe{display:none}</style>
<script type="module" src="${script}"></script>
</head>
<body>
<iframe id="package" title="Kurs"></iframe>
<p>Kurset kunne ikke startes herfra. Gå tilbake til kurssiden og start det derfra.</p>
</body>
</html>
`
    writeFileSync(join(outDir, relative('/assets/', page)), html)
    manifest[`${name}.html`] = page
  }
}
