import { ulid } from 'ulid'
import type { ContentFields } from '../../functions/content/schema.ts'
import type { Tenant, Topic } from '../../functions/tenants/schema.ts'
import type { Services } from '../../functions/services.ts'

/** Small, valid building blocks for tests that need their own data rather than the demo seed. */

export const testTenant = (id: string, overrides: Partial<Tenant> = {}): Tenant => ({
  id,
  name: id === 'nasjonal' ? 'Kompetansebroen' : `Kompetansebroen ${id}`,
  regionName: id === 'nasjonal' ? 'Hele landet' : id,
  description: `Redaksjonen for ${id}.`,
  colour: '#00509e',
  organisations: [],
  contactEmail: `post-${id}@example.no`,
  national: id === 'nasjonal',
  ...overrides,
})

export const testTopic = (slug: string, name = slug): Topic => ({
  slug,
  name,
  summary: `Om ${name}.`,
  intro: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Innføring i ${name}.` }] }] },
})

export function testArticle(tenant: string, slug: string, overrides: Partial<ContentFields> = {}): ContentFields {
  return {
    type: 'artikler',
    id: ulid(),
    tenant,
    slug,
    title: `Artikkel ${slug}`,
    summary: 'Kort ingress.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brødtekst.' }] }] },
    topics: [],
    audiences: ['kommune'],
    sharedNationally: false,
    ...overrides,
  } as ContentFields
}

/** Creates and publishes in one go; returns the stored item. */
export async function publishNew(services: Services, fields: ContentFields) {
  const created = await services.content.create(fields)
  return services.content.publish(created.tenant, created.id, created.version)
}

export async function seedCatalog(services: Services, tenants: string[], topics: string[] = []) {
  for (const id of tenants) await services.catalog.putTenant(testTenant(id))
  for (const slug of topics) await services.catalog.putTopic(testTopic(slug))
}
