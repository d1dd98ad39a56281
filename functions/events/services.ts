import { createReaderServices, type ReaderServices } from '../reader-services.ts'
import type { RuntimeConfig } from '../shared/config.ts'
import { createDynamoClients, type DynamoClients } from '../shared/dynamo-clients.ts'
import { createSubscribers, type SubscriberStore } from '../newsletter/subscribers.ts'
import { createCancellations, type CancellationStore } from './cancel.ts'
import { sesMailer, type Mailer } from './mail.ts'
import { createSignups, type SignupStore } from './signups.ts'

/**
 * The events function's services: the reader's (catalog, published events, page layout) plus sign-ups, newsletter
 * subscribers (issue 14: the same readers' form posts, the same SES client) and e-mail.
 */
export interface EventsServices extends ReaderServices {
  signups: SignupStore
  cancellations: CancellationStore
  subscribers: SubscriberStore
  mailer: Mailer
}

export function eventsServicesFrom(reader: ReaderServices, options: { mailer?: Mailer; now?: () => Date } = {}): EventsServices {
  return {
    ...reader,
    signups: createSignups(reader.db, { now: options.now }),
    cancellations: createCancellations(reader.db, { now: options.now }),
    subscribers: createSubscribers(reader.db, { now: options.now }),
    mailer: options.mailer ?? sesMailer(reader.config),
  }
}

/** In the Lambda: DynamoDB and SES clients only. */
export const createEventsServices = (config: RuntimeConfig, clients: DynamoClients = createDynamoClients(config)) =>
  eventsServicesFrom(createReaderServices(config, clients))
