import { describe, expect, it } from 'vitest'
import { examInputSchema, examQuestionSchema, examSettingsSchema } from '../../../functions/courses/exam-schema.ts'
import { defaultExamSettings, type ExamQuestion, type ExamSettings } from '../../../functions/courses/exam-types.ts'
import {
  examLimits,
  formOf,
  freshId,
  inputOf,
  newOption,
  newQuestion,
  problemsOf,
  publishGaps,
  questionPath,
  questionsPerAttempt,
  questionsPerGoal,
  settingPath,
  withCorrect,
  withKind,
  type ExamForm,
} from '../../../web/editor/views/exam-model.ts'
import { problemText, publishGapText } from '../../../web/editor/text.ts'

const option = (id: string, correct: boolean) => ({ id, text: `Svar ${id}`, correct, feedback: correct ? 'Riktig.' : '' })
const question = (id: string, goal: number, kind: ExamQuestion['kind'], rights: boolean[]): ExamQuestion => ({
  id,
  goal,
  kind,
  text: `Spørsmål ${id}?`,
  options: rights.map((right, index) => option(`${id}-${index + 1}`, right)),
})
const bank = (questions: ExamQuestion[], settings: ExamSettings = { ...defaultExamSettings, perGoal: 1, validityMonths: 24 }) => ({ settings, questions })

describe('the question-bank editor’s form model', () => {
  it('round-trips a stored bank to what PUT …/exam takes, and the schema accepts it', () => {
    const stored = bank([question('a', 0, 'single', [true, false]), question('b', 1, 'multiple', [true, true, false])])
    const form = formOf(stored)
    expect(form.settings).toEqual({ perGoal: '1', passPercent: '80', attemptsLimit: '3', validityMonths: '24' })
    const input = inputOf(form, 4)
    expect(input).toEqual({ version: 4, ...stored })
    expect(examInputSchema.safeParse(stored).success).toBe(true)
  })

  it('sends no expiry as null, and trims what was typed', () => {
    const form = formOf(bank([question('a', 0, 'single', [true, false])]))
    form.settings.validityMonths = ' '
    form.questions[0]!.text = '  Hva?  '
    const input = inputOf(form, 1)
    expect(input.settings.validityMonths).toBeNull()
    expect(input.questions[0]!.text).toBe('Hva?')
  })

  it('finds what the schema refuses, by the field to fix, in bokmål', () => {
    const form = formOf(bank([question('a', 0, 'single', [true, true]), question('b', 0, 'multiple', [true, false, false])]))
    form.settings.passPercent = '101'
    form.settings.perGoal = 'to'
    form.questions[0]!.options[1]!.text = ' '
    form.questions[1]!.goal = 5
    const problems = problemsOf(form, 2)
    expect(problems).toEqual([
      { path: settingPath('perGoal'), kind: 'range', min: 1, max: 20 },
      { path: settingPath('passPercent'), kind: 'range', min: 1, max: 100 },
      { path: `o.${form.questions[0]!.options[1]!.key}.text`, kind: 'required' },
      { path: questionPath(form.questions[0]!, 'options'), kind: 'singleCorrect' },
      { path: questionPath(form.questions[1]!, 'goal'), kind: 'goalMissing' },
      { path: questionPath(form.questions[1]!, 'options'), kind: 'multipleCorrect' },
    ])
    expect(problemText(problems[0]!)).toBe('Skriv et helt tall fra 1 til 20.')
  })

  it('finds nothing in a bank the schema takes', () => {
    const form = formOf(bank([question('a', 0, 'single', [false, true]), question('b', 1, 'multiple', [true, false, true])]))
    expect(problemsOf(form, 2)).toEqual([])
    expect(examInputSchema.safeParse(inputOf(form, 0)).success).toBe(true)
  })

  it('holds the same limits as exam-schema.ts', () => {
    for (const name of ['perGoal', 'passPercent', 'attemptsLimit', 'validityMonths'] as const) {
      const { min, max } = examLimits[name]
      const at = (value: number) => examSettingsSchema.safeParse({ ...defaultExamSettings, [name]: value }).success
      expect([at(min - 1), at(min), at(max), at(max + 1)], name).toEqual([false, true, true, false])
    }
    const withOptions = (count: number) => examQuestionSchema.safeParse(question('q', 0, 'single', Array.from({ length: count }, (_, index) => index === 0))).success
    expect([withOptions(examLimits.options.min - 1), withOptions(examLimits.options.min), withOptions(examLimits.options.max), withOptions(examLimits.options.max + 1)]).toEqual([false, true, true, false])
    const many = (count: number) => examInputSchema.safeParse(bank(Array.from({ length: count }, (_, index) => question(`q${index}`, 0, 'single', [true, false])))).success
    expect([many(examLimits.questions), many(examLimits.questions + 1)]).toEqual([true, false])
  })

  it('gives new questions and options ids the bank takes, unused in their list', () => {
    const form = formOf(bank([question('sporsmal-1', 0, 'single', [true, false])]))
    const added = newQuestion(form.questions, 1)
    expect(added.id).toBe('sporsmal-2')
    expect(added.goal).toBe(1)
    expect(added.options.map((o) => o.id)).toEqual(['s1', 's2'])
    expect(newOption({ options: [{ ...added.options[1]!, id: 's1' }] }).id).toBe('s2')
    expect(freshId('s', ['s1', 's3'])).toBe('s2')
    expect(added.id).toMatch(/^[a-z0-9][a-z0-9-]{0,23}$/)
  })

  it('keeps single choice to one right option when marking and when switching kind', () => {
    const [q] = formOf(bank([question('a', 0, 'multiple', [true, true, false])])).questions as [ExamForm['questions'][number]]
    const single = withKind(q, 'single')
    expect(single.options.map((o) => o.correct)).toEqual([true, false, false])
    expect(withCorrect(single, single.options[2]!.key, true).options.map((o) => o.correct)).toEqual([false, false, true])
    expect(withCorrect(q, q.options[2]!.key, true).options.map((o) => o.correct)).toEqual([true, true, true])
    expect(withKind(single, 'multiple').options.map((o) => o.correct)).toEqual([true, false, false])
  })

  it('says why the exam cannot be published, as the store decides it', () => {
    const goals = ['Ansvar', 'Multidose', 'Avvik']
    expect(publishGaps(formOf(bank([])), 3)).toEqual([{ kind: 'noQuestions' }])
    const form = formOf(bank([question('a', 0, 'single', [true, false]), question('b', 0, 'single', [true, false]), question('c', 2, 'single', [true, false])], { ...defaultExamSettings, perGoal: 2 }))
    // Goal 2 has no questions and is simply not drawn; goal 3 has one of the two drawn.
    expect(publishGaps(form, 3)).toEqual([{ kind: 'goalShort', goal: 2, count: 1, needed: 2 }])
    expect(publishGapText(publishGaps(form, 3)[0]!, goals)).toBe(
      'Læringsmål 3 («Avvik») har 1 spørsmål, men 2 trekkes per læringsmål. Legg til flere, eller sett ned «Spørsmål per læringsmål».',
    )
    expect(questionsPerGoal(form, 3)).toEqual([2, 0, 1])
    expect(questionsPerAttempt(form)).toBe(4)
  })
})
