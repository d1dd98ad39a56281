import { isMediaPath } from '../../../functions/media/paths.ts'
import type { Media, MediaKind } from '../api/types.ts'
import { fieldId, SelectField, TextArea, TextField } from '../components/fields.tsx'
import { setPath } from '../form/model.ts'
import { RichTextEditor } from '../richtext/editor.tsx'
import { examText, problemText } from '../text.ts'
import { courseBuilderText as text } from './course-builder-text.ts'
import { maxPracticeQuestions, moved, newPractice, practiceProblems, type LessonDraft } from './course-builder-model.ts'
import { ExamQuestion } from './exam-question.tsx'
import { questionPath } from './exam-model.ts'
import { bind, type FieldGroupProps } from './fields/bind.ts'
import { ImageField, MediaPathField } from './fields/media-field.tsx'

interface Props {
  lesson: LessonDraft
  n: number
  /** Shows the practice questions' problems once a save found some. */
  showErrors: boolean
  onChange: (change: (lesson: LessonDraft) => LessonDraft) => void
  pickMedia: (kind: MediaKind, onPicked: (media: Media) => void) => void
  announce: (sentence: string, focus?: string) => void
  onClose: () => void
}

/**
 * One lesson opened in the course builder: its text (the body editor), its files chosen with the item editor's
 * own pickers (fields/media-field.tsx, the media library's dialog), and its practice questions edited with the
 * question-bank editor's question (exam-question.tsx), without a learning goal and with an explanation.
 */
export function LessonEditor({ lesson, n, showErrors, onChange, pickMedia, announce, onClose }: Props) {
  const rest = lesson.rest
  // The item editor's field groups take the fields and a setter by path: here, the lesson's files.
  const files: FieldGroupProps = { fields: rest, errors: {}, set: (path, value) => onChange((l) => ({ ...l, rest: setPath(l.rest, path, value) })), pickMedia }
  const titleFrom = (path: string) => (media: Media) => {
    if (!String(bind(files, path).value ?? '').trim()) files.set(path, media.title ?? media.filename.replace(/\.[a-z0-9]+$/i, ''))
  }
  const errors = showErrors ? Object.fromEntries(practiceProblems(lesson).map((problem) => [problem.path, problemText(problem)])) : {}
  const setPractice = (change: (practice: LessonDraft['practice']) => LessonDraft['practice']) => onChange((l) => ({ ...l, practice: change(l.practice) }))
  const film = rest.media?.kind === 'film'

  return (
    <section aria-labelledby="lesson-body-heading" class="lesson-editor">
      <h2 id="lesson-body-heading">{text.editing(n, lesson.title)}</h2>
      <h3>{text.bodyHeading}</h3>
      <RichTextEditor
        // One editor per lesson, so Ctrl+Z never reaches into the lesson edited before.
        key={lesson.key}
        value={lesson.body}
        onChange={(body) => onChange((l) => ({ ...l, body }))}
        errors={{}}
        pickImage={(onPicked) => pickMedia('image', onPicked)}
        announce={announce}
      />

      <h3>{text.filesHeading}</h3>
      <p class="hint">{text.filesHint}</p>
      <ImageField {...files} path="image" />
      <SelectField
        {...bind(files, 'media.kind')}
        value={rest.media?.kind ?? ''}
        options={[
          { value: '', label: text.mediaNone },
          { value: 'film', label: text.mediaFilm },
          { value: 'podkast', label: text.mediaPodcast },
        ]}
        onValue={(kind) => files.set('media', kind ? { kind, src: '', title: rest.media?.title ?? '' } : undefined)}
      />
      {rest.media && (
        <>
          {rest.media.src && !isMediaPath(rest.media.src) && <p class="hint">{text.mediaItemRef(rest.media.src)}</p>}
          <MediaPathField {...files} path="media.src" kind={film ? 'video' : 'audio'} onPicked={titleFrom('media.title')} />
          <TextField {...bind(files, 'media.title')} required />
          {film && isMediaPath(rest.media.src) && <MediaPathField {...files} path="media.captions" kind="captions" />}
        </>
      )}
      <MediaPathField {...files} path="pdf.src" kind="document" onPicked={titleFrom('pdf.title')} />
      {rest.pdf?.src && <TextField {...bind(files, 'pdf.title')} required />}

      <h3>{text.practiceHeading}</h3>
      <p class="hint">{text.practiceHint(maxPracticeQuestions)}</p>
      {lesson.practice.map((question, index) => (
        <ExamQuestion
          key={question.key}
          question={question}
          n={index + 1}
          count={lesson.practice.length}
          errors={errors}
          onChange={(changed) => setPractice((practice) => practice.map((candidate) => (candidate.key === question.key ? { ...candidate, ...changed } : candidate)))}
          onMove={(offset) => {
            setPractice((practice) => moved(practice, index, offset))
            announce(examText.moved, `${question.key}-${offset === -1 ? 'up' : 'down'}`)
          }}
          onRemove={() => {
            setPractice((practice) => practice.filter((candidate) => candidate.key !== question.key))
            announce(examText.removed, 'add-practice')
          }}
          announce={announce}
        >
          <TextArea
            path={questionPath(question, 'explanation')}
            label={text.explanation(index + 1)}
            hint={text.explanationHint}
            rows={2}
            value={question.explanation}
            error={errors[questionPath(question, 'explanation')]}
            onValue={(explanation) => setPractice((practice) => practice.map((candidate) => (candidate.key === question.key ? { ...candidate, explanation } : candidate)))}
          />
        </ExamQuestion>
      ))}
      {lesson.practice.length >= maxPracticeQuestions && <p class="hint">{text.practiceFull(maxPracticeQuestions)}</p>}
      <p>
        <button
          type="button"
          class="button"
          id="add-practice"
          disabled={lesson.practice.length >= maxPracticeQuestions}
          onClick={() => {
            const question = newPractice(lesson.practice)
            setPractice((practice) => [...practice, question])
            announce(examText.added(examText.question(lesson.practice.length + 1)), fieldId(questionPath(question, 'text')))
          }}
        >
          {text.addPractice}
        </button>
      </p>
      <button type="button" class="button button-quiet" onClick={onClose}>
        {text.closeBody}
      </button>
    </section>
  )
}
