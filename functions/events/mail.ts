import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import type { RuntimeConfig } from '../shared/config.ts'
import { emulatorCredentials, quietLogger } from '../shared/sdk-options.ts'

/** One e-mail: plain text for every client, simple HTML beside it. */
export interface Mail {
  to: string
  subject: string
  text: string
  html: string
}

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * Amazon SES v2 (`SendEmail`, simple content, UTF-8), from the configured sender; locally the same call reaches
 * aws-ses-v2-local (infra/local/emulators.ts). Without a sender (a deploy without `-c sesIdentity`) nothing is sent,
 * and the log says so once per message rather than failing the reader's sign-up.
 */
export function sesMailer(config: Pick<RuntimeConfig, 'region' | 'endpoints' | 'mailFrom'>): Mailer {
  const from = config.mailFrom
  const endpoint = config.endpoints?.ses
  const client = from
    ? new SESv2Client({ region: config.region, logger: quietLogger, ...(endpoint ? { endpoint, credentials: emulatorCredentials } : {}) })
    : undefined
  return {
    async send(mail) {
      if (!client || !from) {
        console.warn(JSON.stringify({ message: 'E-mail not sent: no sender configured (MAIL_FROM)', subject: mail.subject }))
        return
      }
      const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' })
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: { Simple: { Subject: utf8(mail.subject), Body: { Text: utf8(mail.text), Html: utf8(mail.html) } } },
        }),
      )
    },
  }
}

/** Best effort: the sign-up is stored whatever happens to its e-mail, so a failure is logged, never thrown at the reader. */
export async function sendQuietly(mailer: Mailer, mail: Mail | undefined): Promise<boolean> {
  if (!mail) return false
  try {
    await mailer.send(mail)
    return true
  } catch (error) {
    console.error(JSON.stringify({ message: 'E-mail not sent', subject: mail.subject, error: String(error) }))
    return false
  }
}
