import * as z from 'zod'
import { richTextWithoutEmbedsSchema } from '../content/richtext.ts'
import { contentTypes, slugSchema, tenantIdSchema } from '../content/schema.ts'
import { lineText, paragraphText } from '../content/text.ts'
import { contrastRatio } from './colour.ts'

const isHexColour = (colour: string) => /^#[0-9a-f]{6}$/i.test(colour)
const hexColour = z.string().refine(isHexColour, 'Colours are #rrggbb')

/**
 * The brand colour carries white text (header, buttons), so it must meet WCAG AA contrast against white.
 * zod runs this even when the colour is not #rrggbb; contrastRatio would throw on it (a 500 for a typo).
 */
const brandColour = hexColour.refine((colour) => !isHexColour(colour) || contrastRatio(colour, '#ffffff') >= 4.5, {
  message: 'The colour is too light for white text: it needs a contrast of at least 4.5:1 against white (WCAG AA)',
  params: { code: 'colour_too_light' },
})

/**
 * Path segments the site uses itself; a tenant id may not take them. `admin` is the workspace's admin area
 * (`/redaktor/admin/…`), which an edition's workspace (`/redaktor/{tenant}/…`) would otherwise shadow.
 */
export const reservedSegments = ['admin', 'fagtema', 'redaktor', 'api', 'assets', 'media', 'dev-auth', 'velg-omrade', 'tilgjengelighet', 'feed.xml', 'atom.xml', 'sitemap.xml', 'robots.txt', 'for-utviklere', 'innebygd', ...contentTypes]

/** An editorial team and its edition of the site. */
export const tenantSchema = z.object({
  id: tenantIdSchema.refine((id) => !reservedSegments.includes(id), { message: 'This id is a path the site uses itself; choose another', params: { code: 'reserved_id' } }),
  /** Full name, e.g. "Kompetansebroen Innlandet". */
  name: lineText(120, { min: 1 }),
  /** The region as readers pick it, e.g. "Innlandet". */
  regionName: lineText(60, { min: 1 }),
  /** The RSS channel's description too: paragraphs are fine there. */
  description: paragraphText(600),
  /** Brand colour; the site checks its contrast against white before using it for text. */
  colour: brandColour,
  organisations: z.array(lineText(200, { min: 1 })).max(200),
  contactEmail: z.email(),
  /** The national edition shows shared content from every tenant. */
  national: z.boolean(),
  /**
   * Hidden from readers (issue 17): a new region is prepared in the workspace before it goes live. Its pages answer
   * 404, and no picker, list, feed, sitemap or API names it. Absent means live, so every edition that existed
   * before this field stays as it was, without a migration.
   */
  hidden: z.boolean().optional(),
})
export type Tenant = z.infer<typeof tenantSchema>

/** A topic area (fagtema) gathering content across types and tenants. */
export const topicSchema = z.object({
  slug: slugSchema,
  name: lineText(120, { min: 1 }),
  summary: lineText(400, { min: 1 }),
  intro: richTextWithoutEmbedsSchema,
  /**
   * A retired topic (issue 17) is gone from pickers, lists and the public API; its page answers 301 to
   * `redirectTo`, or to the topic index without one, so readers' links and search engines' copies keep working.
   */
  retired: z.object({ at: z.iso.datetime({ offset: true }), redirectTo: slugSchema.optional() }).optional(),
})
export type Topic = z.infer<typeof topicSchema>
