import type { RichText } from '../../../functions/content/richtext.ts'
import type { Audience, ContentFields, ContentType } from '../../../functions/content/schema.ts'
import { drawIllustration, iconDescriptions, type Icon } from './draw.ts'
import type { Fixtures } from './fixtures.ts'
import { mediaKey, mediaPath, type MediaObject } from './media.ts'
import type { Region, TenantId } from './tenants.ts'
import { joinList, slugify } from './text.ts'

/** An item's fields before it gets its id (ids are new ULIDs at create time). */
export type NewContent = ContentFields extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never

/** A demo item and the media objects its fields point at. */
export interface SeedItem {
  fields: NewContent
  media: MediaObject[]
  /** A course built here: its modules and lessons, saved before it is published. */
  lessons?: import('../../../functions/courses/schema.ts').CourseLessonsInput['modules']
}

export interface SeedContext {
  now: Date
  fixtures: Fixtures
}

/** What every template starts from. */
export interface Draft {
  title: string
  summary: string
  topics: string[]
  audiences: Audience[]
  /** Shown in the national edition too. */
  shared?: boolean
}

/** Per-type drafts, keyed by edition. */
export type DraftsByTenant<D extends Draft> = Record<TenantId, D[]>

const pictures: Record<ContentType, { icon: Icon; width: number; height: number; file: string; noun: string }> = {
  'e-kurs': { icon: 'course', width: 1200, height: 630, file: 'image.png', noun: 'e-kurset' },
  // Films use their 16:9 poster as the card image as well.
  film: { icon: 'film', width: 1280, height: 720, file: 'poster.png', noun: 'filmen' },
  // Apple Podcasts wants square RGB artwork of 1400–3000 px.
  podkast: { icon: 'podcast', width: 1400, height: 1400, file: 'artwork.png', noun: 'podkasten' },
  artikler: { icon: 'article', width: 1200, height: 630, file: 'image.png', noun: 'artikkelen' },
  arrangementer: { icon: 'event', width: 1200, height: 630, file: 'image.png', noun: 'arrangementet' },
}

/** A fixed name per item, from which each of its files gets a fixed media id (media.ts), so a second seed puts the same keys. */
export const mediaIdOf = (type: ContentType, slug: string) => `demo-${type}-${slug}`

/** The fields every type shares, and the item's picture drawn in the edition's colour. */
export function seedBase(region: Region, type: ContentType, draft: Draft, body: RichText) {
  const slug = slugify(draft.title)
  const mediaId = mediaIdOf(type, slug)
  const picture = pictures[type]
  const key = mediaKey(region.tenant.id, mediaId, picture.file)
  const image = {
    src: mediaPath(key),
    alt: `Illustrasjon for ${picture.noun}: ${iconDescriptions[picture.icon]} på ${region.colourName} bakgrunn.`,
    width: picture.width,
    height: picture.height,
  }
  const draw = () =>
    drawIllustration({ width: picture.width, height: picture.height, colour: region.tenant.colour, icon: picture.icon, seed: slug })
  return {
    slug,
    mediaId,
    /** The media key for another file of this item. */
    key: (file: string) => mediaKey(region.tenant.id, mediaId, file),
    media: [{ key, contentType: 'image/png', body: draw, alt: image.alt }] as MediaObject[],
    fields: {
      tenant: region.tenant.id,
      slug,
      title: draft.title,
      summary: draft.summary,
      body,
      topics: draft.topics,
      audiences: draft.audiences,
      sharedNationally: draft.shared ?? false,
      image,
    },
  }
}

const audienceNames: Record<Audience, string> = {
  kommune: 'ansatte i kommunale helse- og omsorgstjenester',
  sykehus: 'ansatte i sykehus',
  student: 'studenter i helse- og sosialfag',
  fastlege: 'fastleger og ansatte på legekontor',
}

/** "ansatte i sykehus og studenter i helse- og sosialfag" */
export const audienceText = (audiences: Audience[]) => joinList(audiences.map((audience) => audienceNames[audience]))
