import { ulid } from 'ulid'
import type { ContentFields } from '../../functions/content/schema.ts'

/** A course and lessons as the workspace sends them, for tests of built courses. */
export function testCourse(tenant: string, slug: string, overrides: Partial<ContentFields> = {}): ContentFields {
  return {
    type: 'e-kurs',
    id: ulid(),
    tenant,
    slug,
    title: `Kurs ${slug}`,
    summary: 'Kort om kurset.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Om kurset.' }] }] },
    topics: [],
    audiences: ['kommune'],
    sharedNationally: false,
    durationMinutes: 30,
    learningGoals: ['Forstå det viktigste'],
    provider: 'Sykehuset',
    hasExam: false,
    delivery: 'built',
    ...overrides,
  } as ContentFields
}

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] })

/** Two modules, three lessons: n = 1, 2 in the first module and 3 in the second. */
export const threeLessons = (version = 0) => ({
  version,
  modules: [
    { title: 'Grunnlag', lessons: [{ title: 'Første leksjon', body: paragraph('Tekst i leksjon én.') }, { title: 'Andre leksjon', body: paragraph('Tekst i leksjon to.') }] },
    { title: 'Praksis', lessons: [{ title: 'Tredje leksjon', body: paragraph('Tekst i leksjon tre.') }] },
  ],
})
