import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/*
 * SES's event publishing, locally. In AWS a mail sent through a configuration set makes SES publish a Send event to
 * the set's SNS topic, and the newsletter's bounce function reads it (functions/newsletter/ses-events.ts). The SES
 * emulator publishes nothing, so this relay sits on loopback in front of it: every request goes through unchanged, and
 * for each SendEmail the emulator took (200) with a configuration set, the relay hands the same event record SES would
 * publish to `publish` before it answers. A client that dies mid-call does not stop it: the emulator took the mail,
 * so the event is published, as SES would.
 */

/** The SES v2 SendEmail request, as far as an event needs it. */
interface SendEmailBody {
  ConfigurationSetName?: string
  Destination?: { ToAddresses?: string[] }
  EmailTags?: Array<{ Name: string; Value: string }>
}

export interface SesEventRelay {
  endpoint: string
  /** Resolves once every request taken so far has been answered and its event handled. */
  settled(): Promise<void>
  stop(): Promise<void>
}

const readBody = (message: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    message.on('data', (chunk: Buffer) => chunks.push(chunk))
    message.on('end', () => resolve(Buffer.concat(chunks)))
    message.on('error', reject)
    // A client that died mid-request: its half-sent call never reaches the emulator.
    message.on('close', () => {
      if (!message.complete) reject(new Error('The request was cut off'))
    })
  })

/** The event record SES publishes for a mail it took (event type Send). */
export function sendEvent(body: SendEmailBody, messageId: string, at: Date) {
  const tags: Record<string, string[]> = {}
  for (const { Name, Value } of body.EmailTags ?? []) tags[Name] = [Value]
  if (body.ConfigurationSetName) tags['ses:configuration-set'] = [body.ConfigurationSetName]
  return { eventType: 'Send', mail: { timestamp: at.toISOString(), messageId, destination: body.Destination?.ToAddresses ?? [], tags }, send: {} }
}

export async function startSesEventRelay(options: { target: string; publish: (event: unknown) => Promise<unknown> }): Promise<SesEventRelay> {
  const target = new URL(options.target)
  const inFlight = new Set<Promise<void>>()

  async function relay(incoming: IncomingMessage, answer: ServerResponse): Promise<void> {
    const body = await readBody(incoming)
    const upstream = await new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const outgoing = forward({ hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (response) => {
        readBody(response).then((data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }), reject)
      })
      outgoing.on('error', reject)
      outgoing.end(body)
    })
    if (incoming.method === 'POST' && incoming.url?.startsWith('/v2/email/outbound-emails') && upstream.status === 200) {
      const sent = JSON.parse(body.toString('utf8')) as SendEmailBody
      const { MessageId } = JSON.parse(upstream.body.toString('utf8')) as { MessageId: string }
      if (sent.ConfigurationSetName) await options.publish(sendEvent(sent, MessageId, new Date()))
    }
    answer.writeHead(upstream.status, upstream.headers)
    answer.end(upstream.body)
  }

  const server = createServer((incoming, answer) => {
    const handled = relay(incoming, answer)
      .catch((error: unknown) => {
        if (!answer.headersSent) answer.writeHead(502, { 'content-type': 'application/json' })
        answer.end(JSON.stringify({ message: `SES event relay: ${(error as Error).message}` }))
      })
      .finally(() => inFlight.delete(handled))
    inFlight.add(handled)
  })
  // Port 0: the OS picks one as it binds, so nothing can take it between choosing and listening.
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async settled() {
      while (inFlight.size) await Promise.all([...inFlight])
    },
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
