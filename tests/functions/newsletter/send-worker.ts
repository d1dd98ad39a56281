/*
 * A scheduler run in a process of its own (tests/functions/newsletter/resume.test.ts kills it with SIGKILL halfway):
 * the same code as the Lambda's, over DynamoDB Local and the SES emulator named in argv[2] as JSON.
 */
import { sesMailer } from '../../../functions/events/mail.ts'
import { scheduledNewsletters } from '../../../functions/newsletter/scheduled.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'
import { contentTable } from '../../../infra/definitions.ts'
import { Db } from '../../../functions/shared/db.ts'
import { createDynamoClients } from '../../../functions/shared/dynamo-clients.ts'

const config = JSON.parse(process.argv[2]!) as RuntimeConfig
const db = new Db(createDynamoClients(config).dynamo, config.tables.content, contentTable)
const outcome = await scheduledNewsletters(db, sesMailer(config), config, { pageSize: 100, maxPerSecond: 100_000, concurrency: 8, budgetMs: 1_200_000, sleep: async () => {} })()
console.log(JSON.stringify(outcome))
