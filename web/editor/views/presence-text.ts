import type { OtherEditor } from '../api/endpoints.ts'

/** The item editor's words for presence and server autosave (issue 17, "no lost work"), in one place. */
export const presenceText = {
  /** «Ola Haugen har også dette innholdet åpent.»; names, never e-mails. */
  othersHere(others: OtherEditor[]): string {
    if (others.length === 1) return `${others[0]!.name ?? 'En annen redaktør'} har også dette innholdet åpent.`
    return `${others.length} andre redaktører har også dette innholdet åpent.`
  },
  autosaveFound: (when: string) => `Du har endringer som ble lagret automatisk ${when}, men ikke lagret som innhold.`,
  autosaveOutdated: 'Innholdet er lagret av noen andre etter dette. Se over endringene før du lagrer; lagringen kan gi en konflikt.',
  restore: 'Gjenopprett',
  discard: 'Forkast',
  restored: 'De automatisk lagrede endringene er hentet inn i skjemaet. Se over og lagre.',
  discarded: 'De automatisk lagrede endringene er forkastet.',
  savedAt: (clock: string) => `Automatisk lagret kl. ${clock}`,
}
