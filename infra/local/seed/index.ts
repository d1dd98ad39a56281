import { HTTPException } from 'hono/http-exception'
import { ulid } from 'ulid'
import type { Services } from '../../../functions/services.ts'
import { articles } from './articles.ts'
import { courses } from './courses.ts'
import { events } from './events.ts'
import { seedExams } from './exams.ts'
import { films } from './films.ts'
import { library } from './library.ts'
import { loadFixtures } from './fixtures.ts'
import type { SeedContext, SeedItem } from './item.ts'
import { putMedia } from './media.ts'
import { podcasts } from './podcasts.ts'
import { scormCourses } from './scorm-course.ts'
import { regions } from './tenants.ts'
import { topics } from './topics.ts'

const CONCURRENCY = 4

export { regions } from './tenants.ts'
export { topics } from './topics.ts'

/** Every demo item of every edition, in the order they are created. */
export function demoItems(context: SeedContext): SeedItem[] {
  const builders = [courses, scormCourses, films, podcasts, articles, events]
  // The library last: its items show pictures that items before them put in each edition's media library.
  return [...regions.flatMap((region) => builders.flatMap((build) => build(region, context))), ...regions.flatMap((region) => library(region, context))]
}

/**
 * The demo editions and topic areas: what pages need before any item. Each is created only where it is missing
 * (409 when it exists), so what an admin changed in the workspace — a demo topic retired or merged, an edition's
 * colour or introduction — survives the next `npm start` instead of being put back.
 */
export async function seedCatalog(services: Services): Promise<void> {
  for (const region of regions) await unlessTaken(services.catalog.createTenant(region.tenant))
  for (const topic of topics) await unlessTaken(services.catalog.createTopic(topic))
}

/**
 * Seeds the demo editions idempotently: tenants and topics are created where missing; an item's files go into its
 * edition's media library first (verified like uploads, at fixed ids, skipped when already there); an item
 * whose slug is already taken in its tenant and type (409 from the content store) counts as seeded and is
 * skipped, so starting twice duplicates nothing. A new item is created (claiming its slug) and then
 * published; if a run dies between those steps the item stays a draft, and a fresh `.data/` is the way back
 * to a complete demo. An aborted `signal` stops it after the items in hand (the system is stopping).
 */
export async function seedDemoContent(services: Services, options: { now?: Date; signal?: AbortSignal } = {}): Promise<{ created: number; skipped: number }> {
  await seedCatalog(services)

  let created = 0
  let skipped = 0
  const queue = demoItems({ now: options.now ?? new Date(), fixtures: loadFixtures() })
  // A few items at a time, so drawing one item's pictures overlaps another's round trips to the emulators.
  const worker = async () => {
    for (let item = queue.shift(); item && !options.signal?.aborted; item = queue.shift()) {
      try {
        // An item may use only ready files of its own library, so they come first (a no-op once there).
        await putMedia(services, item.media)
        const draft = await createUnlessTaken(services, item)
        if (!draft) {
          skipped++
          continue
        }
        if (item.lessons) await services.courses.saveLessons(draft.tenant, draft.id, { version: 0, modules: item.lessons })
        await services.content.publish(draft.tenant, draft.id, draft.version)
        created++
      } catch (error) {
        queue.length = 0 // the other workers stop after their current item
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  // Exams after their courses: an exam is published only while its course is.
  if (!options.signal?.aborted) await seedExams(services)
  return { created, skipped }
}

/** A create's result, or undefined when it answered 409: the edition, topic or slug is there from an earlier start. */
const unlessTaken = <T>(created: Promise<T>): Promise<T | undefined> =>
  created.catch((error: unknown) => (error instanceof HTTPException && error.status === 409 ? undefined : Promise.reject(error)))

const createUnlessTaken = (services: Services, item: SeedItem) => unlessTaken(services.content.create({ ...item.fields, id: ulid() }))
