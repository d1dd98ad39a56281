/**
 * The exam's attempts limit as far as an anonymous site can keep it: a count in this browser's localStorage,
 * raised when the reader starts an attempt and shown on the exam's front page. It is advice, not enforcement
 * (another browser, private mode or cleared storage starts afresh), and the page says so in its own text. Only
 * a count per course is stored; nothing is sent anywhere.
 */
const note = document.getElementById('eksamen-forsok')
const form = document.getElementById('start-eksamen')
const course = note?.dataset.course
const limit = Number(note?.dataset.limit ?? 0)
if (note && form && course && limit > 0) {
  const key = `kompetansebroen:eksamen:${course}`
  const used = () => {
    try {
      return Number(localStorage.getItem(key) ?? 0) || 0
    } catch {
      return 0 // storage blocked: say nothing rather than something wrong
    }
  }
  const count = used()
  note.textContent =
    count >= limit
      ? `Du har brukt ${count} av ${limit} forsøk i denne nettleseren. Les gjennom kurset igjen før du prøver på nytt.`
      : `Du har brukt ${count} av ${limit} forsøk i denne nettleseren.`
  note.hidden = false
  form.addEventListener('submit', () => {
    try {
      localStorage.setItem(key, String(used() + 1))
    } catch {
      // Counting is optional; the exam works without it.
    }
  })
}
