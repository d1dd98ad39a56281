import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import type { RuntimeConfig } from '../shared/config.ts'
import { createLogger, type Logger } from '../shared/logger.ts'
import { emulatorCredentials, quietLogger } from '../shared/sdk-options.ts'

/** One e-mail: plain text for every client, simple HTML beside it. */
export interface Mail {
  to: string
  subject: string
  text: string
  html: string
  /** Extra header fields (the newsletter's List-Unsubscribe, RFC 2369/8058); SES v2 takes them in simple content. */
  headers?: { name: string; value: string }[]
  /** SES message tags, returned in bounce and complaint events (the newsletter's edition). */
  tags?: Record<string, string>
}

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/** Nothing left this process: no sender configured. Unlike a timeout, certain, so a caller may simply try again later. */
export class MailNotSent extends Error {
  override name = 'MailNotSent'
}

/**
 * Whether a failed send surely sent nothing: SES refused it (a 4xx, throttling included), it could not be reached, or
 * nothing was configured. A timeout, a reset connection or a 5xx may have come after SES took the mail.
 */
export function surelyNotSent(error: unknown): boolean {
  if (error instanceof MailNotSent) return true
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  if (typeof status === 'number') return status >= 400 && status < 500
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND'
}

/**
 * Amazon SES v2 (`SendEmail`, simple content, UTF-8), from the configured sender; locally the same call reaches
 * aws-ses-v2-local (infra/local/emulators.ts). Without a sender (a deploy without `-c sesIdentity`) nothing is sent:
 * `send` fails like a refused message, so `sendQuietly` logs it and the receipt never claims an e-mail went out.
 */
export function sesMailer(config: Pick<RuntimeConfig, 'region' | 'endpoints' | 'mailFrom' | 'mailConfigurationSet'>): Mailer {
  const from = config.mailFrom
  const endpoint = config.endpoints?.ses
  const client = from
    ? new SESv2Client({ region: config.region, logger: quietLogger, ...(endpoint ? { endpoint, credentials: emulatorCredentials } : {}) })
    : undefined
  return {
    async send(mail) {
      if (!client || !from) throw new MailNotSent('No sender configured (MAIL_FROM)')
      const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' })
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: utf8(mail.subject),
              Body: { Text: utf8(mail.text), Html: utf8(mail.html) },
              ...(mail.headers?.length ? { Headers: mail.headers.map(({ name, value }) => ({ Name: name, Value: value })) } : {}),
            },
          },
          // Bounces and complaints go to the configuration set's event destination (infra/stacks/newsletter.ts).
          ...(config.mailConfigurationSet ? { ConfigurationSetName: config.mailConfigurationSet } : {}),
          ...(mail.tags ? { EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
        }),
      )
    },
  }
}

/**
 * Best effort: the sign-up is stored whatever happens to its e-mail, so a failure is logged (one JSON line, never the
 * address), never thrown at the reader; `false` tells the caller to say so.
 */
export async function sendQuietly(mailer: Mailer, mail: Mail | undefined, log: Logger = createLogger()): Promise<boolean> {
  if (!mail) return false
  try {
    await mailer.send(mail)
    return true
  } catch (error) {
    log.error('E-mail not sent', { subject: mail.subject, error })
    return false
  }
}
