import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import type { StoredItem } from '../api/types.ts'
import { Alert, describeError, Link, Loading, PageTitle } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { TextField } from '../components/fields.tsx'
import { useWorkspace } from '../context.ts'
import { paths } from '../routes.ts'
import { courseBuilderText as text } from './course-builder-text.ts'
import { draftsOf, inputOf, moved, newLesson, newModule, numbersOf, practiceProblems, type LessonDraft, type ModuleDraft } from './course-builder-model.ts'
import { LessonEditor } from './course-lesson-editor.tsx'
import { courseStatsText } from './course-stats-text.ts'
import { useMediaPicker } from './media-picker.tsx'

/**
 * `/redaktor/{tenant}/elementer/{id}/leksjoner`: a built course's modules and lessons. Add, rename, reorder and
 * remove them; open one lesson at a time to edit its text, files and practice questions (course-lesson-editor.tsx);
 * save the whole structure over the version loaded (a stale save says so and offers to reload).
 */
export function CourseBuilder({ id }: { id: string }) {
  const workspace = useWorkspace()
  const [course, setCourse] = useState<StoredItem>()
  const [version, setVersion] = useState(0)
  const [modules, setModules] = useState<ModuleDraft[]>()
  const [open, setOpen] = useState<string>()
  const [problem, setProblem] = useState<{ stale?: boolean; text: string }>()
  const [saving, setSaving] = useState(false)
  const picker = useMediaPicker()
  const [showErrors, setShowErrors] = useState(false)

  const load = async () => {
    setProblem(undefined)
    try {
      const [item, saved] = await Promise.all([workspace.tenantApi.getItem(id), workspace.tenantApi.lessons(id)])
      setCourse(item)
      setVersion(saved.version)
      setModules(draftsOf(saved))
    } catch (error) {
      setProblem({ text: describeError(error) })
    }
  }
  useEffect(() => void load(), [id])

  if (!modules || !course) return problem ? <Refused view="lessons">{problem.text}</Refused> : <Loading />
  const numbers = numbersOf(modules)
  const focusLater = (elementId: string) => requestAnimationFrame(() => document.getElementById(elementId)?.focus())
  const changeModule = (key: string, change: (module: ModuleDraft) => ModuleDraft) => setModules(modules.map((module) => (module.key === key ? change(module) : module)))
  // Functional: a picked file and the title taken from it are two changes in one event.
  const changeLesson = (key: string, change: (lesson: LessonDraft) => LessonDraft) =>
    setModules((current) => current?.map((module) => ({ ...module, lessons: module.lessons.map((lesson) => (lesson.key === key ? change(lesson) : lesson)) })))
  const announce = (sentence: string, focus?: string) => {
    workspace.announce(sentence)
    if (focus) focusLater(focus)
  }

  const save = async () => {
    // Practice questions are checked here first, as the question-bank editor checks its questions: the lesson
    // with the first problem opens with its fields marked.
    const faulty = modules.flatMap((module) => module.lessons).find((lesson) => practiceProblems(lesson).length > 0)
    if (faulty) {
      setShowErrors(true)
      setOpen(faulty.key)
      setProblem({ text: text.practiceProblems(numbers.get(faulty.key)!) })
      return
    }
    setShowErrors(false)
    setSaving(true)
    setProblem(undefined)
    try {
      const saved = await workspace.tenantApi.saveLessons(id, inputOf(modules, version))
      setVersion(saved.version)
      workspace.announce(text.saved(saved.version))
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'stale_version'
      setProblem({ stale, text: stale ? text.stale : describeError(error) })
    } finally {
      setSaving(false)
    }
  }

  const openLesson = modules.flatMap((module) => module.lessons).find((lesson) => lesson.key === open)
  return (
    <>
      <PageTitle>{text.title(course.title)}</PageTitle>
      <p>{text.intro}</p>
      <p>
        <Link href={paths.item(workspace.tenant.id, id)}>{text.backToCourse}</Link>
        {' · '}
        <Link href={paths.stats(workspace.tenant.id, id)}>{courseStatsText.open}</Link>
      </p>
      {problem && (
        <Alert>
          {problem.text}{' '}
          {problem.stale && (
            <button type="button" class="button" onClick={load}>
              {text.reload}
            </button>
          )}
        </Alert>
      )}
      {modules.length === 0 && <p>{text.empty}</p>}
      <ol class="course-modules">
        {modules.map((module, index) => (
          <li key={module.key}>
            <fieldset>
              <legend>{text.module(index + 1)}</legend>
              <TextField path={`modules.${module.key}.title`} label={text.moduleTitle(index + 1)} required value={module.title} onValue={(title) => changeModule(module.key, (m) => ({ ...m, title }))} />
              <div class="button-row">
                <button type="button" class="button button-quiet" id={`${module.key}-up`} disabled={index === 0} onClick={() => (setModules(moved(modules, index, -1)), announce(text.moved, `${module.key}-up`))}>
                  {text.moveUp(text.module(index + 1).toLowerCase())}
                </button>
                <button type="button" class="button button-quiet" id={`${module.key}-down`} disabled={index === modules.length - 1} onClick={() => (setModules(moved(modules, index, 1)), announce(text.moved, `${module.key}-down`))}>
                  {text.moveDown(text.module(index + 1).toLowerCase())}
                </button>
                <button type="button" class="button button-quiet" onClick={() => (setModules(modules.filter((m) => m.key !== module.key)), announce(text.removed, 'add-module'))}>
                  {text.removeModule(index + 1)}
                </button>
              </div>
              <ol class="course-lessons">
                {module.lessons.map((lesson, position) => {
                  const n = numbers.get(lesson.key)!
                  return (
                    <li key={lesson.key} value={n}>
                      <TextField path={`lessons.${lesson.key}.title`} label={text.lessonTitle(n)} required value={lesson.title} onValue={(title) => changeLesson(lesson.key, (l) => ({ ...l, title }))} />
                      <div class="button-row">
                        <button type="button" class="button" aria-expanded={open === lesson.key} onClick={() => setOpen(open === lesson.key ? undefined : lesson.key)}>
                          {text.editBody(n)}
                        </button>
                        <button type="button" class="button button-quiet" id={`${lesson.key}-up`} disabled={position === 0} onClick={() => (changeModule(module.key, (m) => ({ ...m, lessons: moved(m.lessons, position, -1) })), announce(text.moved, `${lesson.key}-up`))}>
                          {text.moveUp(`leksjon ${n}`)}
                        </button>
                        <button type="button" class="button button-quiet" id={`${lesson.key}-down`} disabled={position === module.lessons.length - 1} onClick={() => (changeModule(module.key, (m) => ({ ...m, lessons: moved(m.lessons, position, 1) })), announce(text.moved, `${lesson.key}-down`))}>
                          {text.moveDown(`leksjon ${n}`)}
                        </button>
                        <button type="button" class="button button-quiet" disabled={module.lessons.length === 1} onClick={() => (changeModule(module.key, (m) => ({ ...m, lessons: m.lessons.filter((l) => l.key !== lesson.key) })), announce(text.removed, `${module.key}-add`))}>
                          {text.removeLesson(n)}
                        </button>
                      </div>
                    </li>
                  )
                })}
              </ol>
              <button type="button" class="button" id={`${module.key}-add`} onClick={() => changeModule(module.key, (m) => ({ ...m, lessons: [...m.lessons, newLesson(text.newLesson)] }))}>
                {text.addLesson}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" class="button" id="add-module" onClick={() => setModules([...modules, newModule(text.newModule, text.newLesson)])}>
          {text.addModule}
        </button>
      </p>
      {openLesson && (
        <LessonEditor
          key={openLesson.key}
          lesson={openLesson}
          n={numbers.get(openLesson.key)!}
          showErrors={showErrors}
          onChange={(change) => changeLesson(openLesson.key, change)}
          pickMedia={picker.pick}
          announce={announce}
          onClose={() => setOpen(undefined)}
        />
      )}
      <p>
        <button type="button" class="button button-primary" onClick={save} disabled={saving}>
          {saving ? text.saving : text.save}
        </button>
      </p>
      {picker.dialog}
    </>
  )
}
