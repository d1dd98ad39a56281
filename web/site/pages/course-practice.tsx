import { unansweredView } from '../../../functions/courses/exam-draw.ts'
import { practiceAction } from '../../../functions/courses/exam-paths.ts'
import type { PracticeQuestion } from '../../../functions/courses/exam-types.ts'
import { practiceResultId, practiceScore, type PracticeAnswers } from '../../../functions/courses/practice.ts'
import { QuestionFields, QuestionReview } from '../components/choice-questions.tsx'
import { courseText } from './course-text.ts'
import { examText } from './exam-text.ts'

/**
 * A lesson's practice questions (functions/courses/practice.ts). Unanswered: a plain form that posts to the exams
 * function, showing nothing of which options are right. Answered (the lesson is shown with the answers in its
 * query): the score, where the redirect's fragment moves focus, and each question reviewed with the feedback per
 * option and its explanation. Nothing is stored about the reader.
 */
export function CoursePractice(props: {
  course: { tenant: string; slug: string }
  lessonUrl: string
  n: number
  questions: PracticeQuestion[]
  answers?: PracticeAnswers
}) {
  const { questions, answers } = props
  return (
    <section class="practice" aria-labelledby="ovelse" id="ovelse">
      <h2 id="ovelse">{courseText.practice}</h2>
      {answers ? (
        <>
          <h3 id={practiceResultId} tabindex={-1}>
            {courseText.practiceScore(practiceScore(questions, answers), questions.length)}
          </h3>
          <ol class="exam-review">
            {questions.map((question) => (
              <QuestionReview question={question} chosen={answers[question.id] ?? []} heading="h4">
                {question.explanation && (
                  <p>
                    <strong>{courseText.explanation}:</strong> {question.explanation}
                  </p>
                )}
              </QuestionReview>
            ))}
          </ol>
          <p>
            <a href={`${props.lessonUrl}#ovelse`}>{courseText.practiceAgain}</a>
          </p>
        </>
      ) : (
        <>
          <p>{courseText.practiceIntro}</p>
          <form method="post" action={practiceAction(props.course, props.n)} class="exam">
            {questions.map((question, index) => (
              <QuestionFields question={unansweredView(question)} label={examText.questionOf(index + 1, questions.length)} />
            ))}
            <p>
              <button type="submit" class="button">
                {courseText.practiceCheck}
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  )
}
