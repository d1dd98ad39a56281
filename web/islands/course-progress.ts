/**
 * Course progress kept in this browser only (issue 11: no account, no cookie): which lessons a reader has
 * opened and finished, and where they stopped, in localStorage. The server renders every page complete without
 * it; this adds "Fortsett der du slapp", marks finished lessons in the table of contents and fills "Mine kurs".
 * Wording comes from the page's data attributes (web/site/pages/course-text.ts).
 *
 * For the editors' anonymous statistics it sends two one-off beacons per course and browser, remembered here so
 * they go once: "started" at the first lesson opened, "finished" when every lesson is finished. A beacon carries
 * the event and nothing else (no id, no cookie); functions/courses/progress-routes.ts counts it.
 *
 * Stored shape: { [course path]: { t: title, n: lessons in the course, d: finished lesson numbers, l: last opened,
 * a: time, s: started sent, f: finished sent } }.
 */
interface Course {
  t: string
  n: number
  d: number[]
  l: number
  a: number
  s?: 1
  f?: 1
}
const KEY = 'kompetansebroen-kurs'

function read(): Record<string, Course> {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    return stored && typeof stored === 'object' ? stored : {}
  } catch {
    return {}
  }
}
const write = (all: Record<string, Course>) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(all))
  } catch {
    // Storage full or blocked: the pages work without progress.
  }
}
const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => Object.assign(document.createElement(tag), { textContent: text })

const all = read()
const root = document.querySelector<HTMLElement>('[data-course]')
if (root) {
  const { course: path = '', title = '', total = '0', lesson = '0', labelDone = '', labelResume = '', beacon = '' } = root.dataset
  const n = Number(lesson)
  const course: Course = all[path] ?? { t: title, n: 0, d: [], l: 0, a: 0 }
  const save = () => {
    Object.assign(course, { t: title, n: Number(total), a: Date.now() })
    all[path] = course
    write(all)
  }
  /** Sends `event` once per course in this browser; remembered only when the browser took the beacon. */
  const report = (event: 'started' | 'finished', flag: 's' | 'f') => {
    if (course[flag] || !beacon) return
    if (navigator.sendBeacon?.(beacon, new URLSearchParams({ event }))) course[flag] = 1
  }
  if (n) {
    course.l = n
    report('started', 's')
    save()
    // Going on (next lesson, the exam, back to the course from the last one) finishes this lesson.
    for (const link of document.querySelectorAll('[data-finish]'))
      link.addEventListener('click', () => {
        if (!course.d.includes(n)) course.d.push(n)
        if (course.d.length >= Number(total)) report('finished', 'f')
        save()
      })
  }
  for (const link of document.querySelectorAll<HTMLElement>('[data-n]'))
    if (course.d.includes(Number(link.dataset.n))) link.after(element('span', ` ✓ ${labelDone}`))
  const resume = document.querySelector<HTMLAnchorElement>('[data-resume]')
  if (resume && course.l) {
    resume.href = `${path}/leksjon/${course.l}`
    resume.textContent = `${labelResume} (${course.l}/${course.n})`
    resume.hidden = false
  }
}

const mine = document.querySelector<HTMLElement>('[data-mine]')
if (mine) {
  const courses = Object.entries(all).sort(([, a], [, b]) => b.a - a.a)
  const list = element('ul')
  for (const [path, course] of courses) {
    const item = element('li')
    const link = element('a', course.t)
    link.href = `${path}/leksjon/${course.l || 1}`
    item.append(link, element('span', ` – ${course.d.length} / ${course.n} ${mine.dataset.labelDone ?? ''}`))
    list.append(item)
  }
  mine.replaceChildren(courses.length ? list : element('p', mine.dataset.labelEmpty))
}
