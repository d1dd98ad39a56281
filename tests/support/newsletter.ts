import { sentMail, type SentMail } from '../../infra/local/emulators.ts'

/** Helpers for the newsletter's tests (tests/functions/newsletter, tests/browser/newsletter). */
export const unique = () => Math.random().toString(36).slice(2, 10)

export const formPost = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one)
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }
}

/** The mail the SES emulator holds for one address, oldest first. */
export const mailTo = async (sesEndpoint: string, address: string): Promise<SentMail[]> =>
  (await sentMail(sesEndpoint)).filter((mail) => mail.destination.to.includes(address))

/** The first link in a mail's plain text whose path contains `segment`, as a path. */
export function linkIn(mail: SentMail | undefined, segment: string): string {
  const url = (mail?.body.text ?? '').split(/\s+/).find((word) => word.startsWith('http') && word.includes(segment))
  if (!url) throw new Error(`No ${segment} link in "${mail?.subject}"`)
  return new URL(url).pathname
}

export const header = (mail: SentMail | undefined, name: string) => mail?.headers?.find((field) => field.name.toLowerCase() === name.toLowerCase())?.value
