import { ulid } from 'ulid'
import type { ContentFields } from '../../../functions/content/schema.ts'
import type { ExamInput } from '../../../functions/courses/exam-schema.ts'
import type { Services } from '../../../functions/services.ts'
import { publishNew } from '../../support/fixtures.ts'

/** A published external e-course with two learning goals, the shape every exam test starts from. */
export async function publishCourse(services: Services, tenant: string, slug: string, overrides: Record<string, unknown> = {}) {
  return publishNew(services, {
    type: 'e-kurs',
    id: ulid(),
    tenant,
    slug,
    title: `Legemiddelhåndtering ${slug}`,
    summary: 'Kurs i trygg legemiddelhåndtering.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Om kurset.' }] }] },
    topics: [],
    audiences: ['kommune'],
    sharedNationally: false,
    durationMinutes: 90,
    learningGoals: ['Kjenne reglene for utdeling', 'Regne ut doser'],
    courseUrl: 'https://kurs.example.no/legemidler',
    provider: 'Ahus',
    hasExam: true,
    ...overrides,
  } as ContentFields)
}

/**
 * A bank with two questions per goal: per goal one single choice (`{prefix}s{goal}`) and one "Velg 2"
 * (`{prefix}m{goal}`). Option ids say nothing about correctness on purpose (x1…x4), and their feedback names them.
 */
export function bank(prefix = 'q', settings: Partial<ExamInput['settings']> = {}): ExamInput {
  const questions: ExamInput['questions'] = []
  for (const goal of [0, 1]) {
    questions.push({
      id: `${prefix}s${goal}`,
      goal,
      kind: 'single',
      text: `Enkeltvalg ${prefix} mål ${goal + 1}: hvilken er riktig?`,
      options: [
        { id: 'x1', text: `Feil svar A ${prefix}${goal}`, correct: false, feedback: `Nei, A er feil (${prefix}${goal})` },
        { id: 'x2', text: `Riktig svar ${prefix}${goal}`, correct: true, feedback: `Ja, dette er riktig (${prefix}${goal})` },
        { id: 'x3', text: `Feil svar B ${prefix}${goal}`, correct: false, feedback: `Nei, B er feil (${prefix}${goal})` },
      ],
    })
    questions.push({
      id: `${prefix}m${goal}`,
      goal,
      kind: 'multiple',
      text: `Flervalg ${prefix} mål ${goal + 1}: hvilke to er riktige?`,
      options: [
        { id: 'x1', text: `Første riktige ${prefix}${goal}`, correct: true, feedback: `Riktig, første (${prefix}${goal})` },
        { id: 'x2', text: `Galt alternativ ${prefix}${goal}`, correct: false, feedback: `Galt alternativ (${prefix}${goal})` },
        { id: 'x3', text: `Andre riktige ${prefix}${goal}`, correct: true, feedback: `Riktig, andre (${prefix}${goal})` },
        { id: 'x4', text: `Enda et galt ${prefix}${goal}`, correct: false, feedback: `Også galt (${prefix}${goal})` },
      ],
    })
  }
  return { settings: { perGoal: 2, passPercent: 80, attemptsLimit: 3, validityMonths: 24, ...settings }, questions }
}

/** Every string an attempt's correct options' `correct`/feedback could leak through. */
export const feedbackTexts = (input: ExamInput) => input.questions.flatMap((question) => question.options.map((option) => option.feedback))

/** A plain HTML form's body, as a browser sends it (repeated names for checkboxes). */
export const form = (fields: Array<[string, string]>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})
