import { describe, expect, it } from 'vitest'
import { examInputSchema } from '../../../functions/courses/exam-schema.ts'
import { examProblems } from '../../../functions/courses/exam-store.ts'
import { builtCourses } from '../../../infra/local/seed/course-lessons.ts'
import { courses } from '../../../infra/local/seed/courses.ts'
import { demoExams } from '../../../infra/local/seed/exams.ts'
import { regions } from '../../../infra/local/seed/tenants.ts'

describe('demo exams (issue 11)', () => {
  it('give at least two built demo courses a valid, publishable exam with single and "Velg 2" questions', () => {
    expect(demoExams.length).toBeGreaterThanOrEqual(2)
    for (const demo of demoExams) {
      const region = regions.find((candidate) => candidate.tenant.id === demo.tenant)!
      const course = courses(region).find((item) => item.fields.title === demo.title)?.fields
      expect(course, demo.title).toBeDefined()
      expect(builtCourses[demo.title], `${demo.title} is built here`).toBeDefined()
      const exam = examInputSchema.parse(demo.exam)
      const learningGoals = course!.type === 'e-kurs' ? course!.learningGoals : []
      expect(examProblems(exam, { id: 'x', tenant: demo.tenant, type: 'e-kurs', slug: 'x', status: 'published', learningGoals })).toEqual([])
      expect(new Set(exam.questions.map((question) => question.kind))).toEqual(new Set(['single', 'multiple']))
      expect(course!.type === 'e-kurs' && course!.hasExam).toBe(true)
    }
  })
})
