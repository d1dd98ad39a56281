import * as z from 'zod'
import { richTextSchema } from '../content/richtext.ts'
import { contentTypes, slugSchema, tenantIdSchema } from '../content/schema.ts'
import { contrastRatio } from './colour.ts'

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i, 'Colours are #rrggbb')

/** The brand colour carries white text (header, buttons), so it must meet WCAG AA contrast against white. */
const brandColour = hexColour.refine((colour) => contrastRatio(colour, '#ffffff') >= 4.5, {
  message: 'The colour is too light for white text: it needs a contrast of at least 4.5:1 against white (WCAG AA)',
})

/** Path segments the site uses itself; a tenant id may not take them. */
export const reservedSegments = ['fagtema', 'redaktor', 'api', 'assets', 'media', 'dev-auth', 'velg-omrade', 'tilgjengelighet', 'feed.xml', 'sitemap.xml', 'robots.txt', ...contentTypes]

/** An editorial team and its edition of the site. */
export const tenantSchema = z.object({
  id: tenantIdSchema.refine((id) => !reservedSegments.includes(id), { message: 'This id is a path the site uses itself; choose another' }),
  /** Full name, e.g. "Kompetansebroen Innlandet". */
  name: z.string().min(1).max(120),
  /** The region as readers pick it, e.g. "Innlandet". */
  regionName: z.string().min(1).max(60),
  description: z.string().max(600),
  /** Brand colour; the site checks its contrast against white before using it for text. */
  colour: brandColour,
  organisations: z.array(z.string().min(1).max(200)).max(200),
  contactEmail: z.email(),
  /** The national edition shows shared content from every tenant. */
  national: z.boolean(),
})
export type Tenant = z.infer<typeof tenantSchema>

/** A topic area (fagtema) gathering content across types and tenants. */
export const topicSchema = z.object({
  slug: slugSchema,
  name: z.string().min(1).max(120),
  summary: z.string().min(1).max(400),
  intro: richTextSchema,
})
export type Topic = z.infer<typeof topicSchema>
