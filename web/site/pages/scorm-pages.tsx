import { scormResultAction, startScormAction } from '../../../functions/courses/exam-paths.ts'
import type { Attempt } from '../../../functions/courses/exam-types.ts'
import { CertificateSection } from '../components/certificate-form.tsx'
import { Document, type PageContext } from '../layout.tsx'
import { paths } from '../paths.ts'
import { scormText as t } from './scorm-text.ts'

/**
 * On a SCORM course's page: the start button (a form post that starts an attempt on the server), shown by the
 * island only, since the course cannot run without JavaScript; without it, the page says so and offers nothing.
 */
export function ScormStart(props: { course: { tenant: string; slug: string } }) {
  return (
    <div class="notice">
      <p data-scorm-nojs>{t.needsJavaScript}</p>
      <form method="post" action={startScormAction(props.course)} data-scorm-start hidden>
        <p>{t.startHint}</p>
        <button type="submit" class="button">
          {t.start}
        </button>
      </form>
    </div>
  )
}

/** Where the player frame points: the player page on the SCORM origin, with what to play in the fragment. */
export function playerUrl(input: { scormOrigin: string; playerPage: string; packagePath: string; launch: string; siteOrigin: string; packageId: string; title: string }): string {
  const fragment = new URLSearchParams({ src: `${input.packagePath}${input.launch}`, parent: input.siteOrigin, key: input.packageId, title: input.title })
  return `${input.scormOrigin}${input.playerPage}#${fragment}`
}

/**
 * `/{tenant}/e-kurs/{slug}/scorm/{attempt}`: the package in a sandboxed frame on the SCORM origin. The island
 * shows the frame (hidden without JavaScript, when the notice says why), listens to the player's messages from
 * that origin only, and when the package reports a pass fills and shows the form that posts it to the server.
 */
export function ScormPlayerPage(props: { ctx: PageContext; attempt: Attempt; player?: string; error?: { code: string; wait?: number } }) {
  const { ctx, attempt, player } = props
  const problem = props.error?.code === 'tidlig' ? t.early(Math.max(1, Math.ceil((props.error.wait ?? 60) / 60))) : props.error?.code === 'poeng' ? t.low : undefined
  const coursePath = coursePathOf(attempt)
  return (
    <Document ctx={ctx} meta={{ title: attempt.courseTitle, description: t.lead, canonical: coursePath, noindex: true, islands: ['scorm'] }}>
      <article class="item scorm">
        <p class="eyebrow">
          <a href={coursePath}>{t.backToCourse}</a>
        </p>
        <h1>{attempt.courseTitle}</h1>
        <p class="lead">{t.lead}</p>
        {player ? (
          <>
            <p class="notice" data-scorm-nojs>
              {t.needsJavaScript}
            </p>
            <iframe
              class="scorm-frame"
              src={player}
              title={t.playerTitle(attempt.courseTitle)}
              sandbox="allow-scripts allow-same-origin allow-forms"
              allow="fullscreen"
              referrerpolicy="no-referrer"
              hidden
              data-scorm-player
              data-origin={new URL(player).origin}
            />
            <section aria-labelledby="resultat-tittel" id="resultat" data-scorm-result hidden>
              <h2 id="resultat-tittel">{t.statusLabel}</h2>
              {problem && (
                <p class="notice" role="alert">
                  {problem}
                </p>
              )}
              <p
                id="resultat-status"
                role="status"
                data-scorm-status
                data-waiting={t.statusWaiting}
                data-passed={t.statusPassed('{score}')}
                data-failed={t.statusFailed}
                data-noscore={t.statusNoScore}
              >
                {t.statusWaiting}
              </p>
              <form method="post" action={scormResultAction(attempt)} data-scorm-form hidden>
                <input type="hidden" name="status" value="" />
                <input type="hidden" name="score" value="" />
                <p>{t.goOnHint}</p>
                <button type="submit" class="button">
                  {t.goOn}
                </button>
              </form>
            </section>
          </>
        ) : (
          <p class="notice">{t.unavailable}</p>
        )}
      </article>
    </Document>
  )
}

const coursePathOf = (attempt: Attempt) => paths.item({ tenant: attempt.tenant, type: 'e-kurs', slug: attempt.slug })

/** `/{tenant}/e-kurs/{slug}/scorm/{attempt}/resultat`: the pass the server accepted, and the kursbevis form. */
export function ScormResultPage(props: { ctx: PageContext; attempt: Attempt; nameError?: string }) {
  const { ctx, attempt } = props
  return (
    <Document ctx={ctx} meta={{ title: `${t.result}: ${attempt.courseTitle}`, description: t.lead, canonical: coursePathOf(attempt), noindex: true }}>
      <article class="item">
        <p class="eyebrow">{t.result}</p>
        <h1>{attempt.courseTitle}</h1>
        <div class="notice">
          <h2>{t.passed}</h2>
          {attempt.scorePercent !== undefined && <p>{t.score(attempt.scorePercent)}</p>}
          <p>{t.proves}</p>
        </div>
        <CertificateSection attempt={attempt} nameError={props.nameError} />
        <p>
          <a href={coursePathOf(attempt)}>{t.backToCourse}</a>
        </p>
      </article>
    </Document>
  )
}
