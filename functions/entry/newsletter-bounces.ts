import type { SNSEvent } from 'aws-lambda'
import { contentTable } from '../../infra/definitions.ts'
import { createSesEventHandler } from '../newsletter/ses-events.ts'
import { configFromEnv } from '../shared/config.ts'
import { Db } from '../shared/db.ts'
import { createDynamoClients } from '../shared/dynamo-clients.ts'

// Built once per Lambda container, at module init, then reused by every invocation.
const config = configFromEnv()
const sesEvents = createSesEventHandler(new Db(createDynamoClients(config).dynamo, config.tables.content, contentTable))

/** Lambda entry for SES's send, bounce and complaint events, delivered by the newsletter's SNS topic (infra/stacks/newsletter.ts). */
export const handler = async (event: SNSEvent) => sesEvents.handleSns(event)
