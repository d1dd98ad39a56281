import { describe, expect, it } from 'vitest'
import { itemPath } from '../../../functions/content/paths.ts'
import { courseLessonsInputSchema } from '../../../functions/courses/schema.ts'
import { demoItems } from '../../../infra/local/seed/index.ts'
import { loadFixtures } from '../../../infra/local/seed/fixtures.ts'

const items = demoItems({ now: new Date('2026-11-23T10:00:00Z'), fixtures: loadFixtures() })
const built = items.filter((item) => item.fields.type === 'e-kurs' && item.fields.delivery === 'built')

describe('demo courses built here (issue 11)', () => {
  it('has at least two built courses of 3+ valid lessons, one with an exam and a revision date', () => {
    expect(built.length).toBeGreaterThanOrEqual(2)
    for (const item of built) {
      const parsed = courseLessonsInputSchema.parse({ version: 0, modules: item.lessons })
      expect(parsed.modules.flatMap((module) => module.lessons).length, item.fields.title).toBeGreaterThanOrEqual(3)
      expect(item.fields.type === 'e-kurs' && item.fields.revisedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(item.fields.type === 'e-kurs' && item.fields.courseUrl).toBeUndefined()
    }
    expect(built.some((item) => item.fields.type === 'e-kurs' && item.fields.hasExam)).toBe(true)
    expect(built.map((item) => item.fields.title)).toContain('Legemiddelhåndtering i hjemmetjenesten')
  })

  it('points lessons only at films and podcasts the demo has', () => {
    const addresses = new Set(items.map((item) => itemPath(item.fields)))
    const refs = built.flatMap((item) => (item.lessons ?? []).flatMap((module) => module.lessons.flatMap((lesson) => (lesson.media ? [lesson.media.src] : []))))
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) expect(addresses.has(ref), ref).toBe(true)
  })
})
