/**
 * The SCORM player, on the SCORM origin only (infra/definitions.ts scormOrigin), in an iframe the course's page
 * frames with `sandbox="allow-scripts allow-same-origin allow-forms"`. It puts scorm-again's runtime where packages
 * look for it (`window.API` for 1.2, `window.API_1484_11` for 2004), opens the package's launch page in a frame of
 * its own on this same origin, and keeps the learner's progress (location, suspend data, status, score) in this
 * origin's localStorage so a reader can resume. Nothing is sent to any server (scorm-again commits nowhere without
 * `lmsCommitUrl`); the parent page is told the status and score by postMessage, to its origin only.
 */

/** The part of scorm-again's API both versions share and the player uses. */
export interface ScormRuntime {
  on(listener: string, callback: (...args: unknown[]) => void): void
  loadFromJSON(json: Record<string, unknown>): void
  getCMIValue(element: string): unknown
}

interface Version {
  /** Where packages look for the API (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.2). */
  global: 'API' | 'API_1484_11'
  /** The calls after which a package's state is worth keeping. */
  events: string[]
  /** The event of the package setting its exit (write-only, so it is heard rather than read). */
  exitEvent: string
  entry: string
  status: string
  /** The elements kept between visits, as scorm-again's loadFromJSON takes them (no `cmi.` prefix). */
  kept: string[]
  /** The score's elements, raw first; 2004 also reports a scaled score (-1..1). */
  score: { raw: string; min: string; max: string; scaled?: string }
}

export const versions: Record<'1.2' | '2004', Version> = {
  '1.2': {
    global: 'API',
    events: ['LMSSetValue.cmi.*', 'LMSCommit', 'LMSFinish'],
    exitEvent: 'LMSSetValue.cmi.core.exit',
    entry: 'core.entry',
    status: 'cmi.core.lesson_status',
    kept: ['core.lesson_location', 'core.lesson_status', 'core.score.raw', 'core.score.min', 'core.score.max', 'suspend_data'],
    score: { raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max' },
  },
  '2004': {
    global: 'API_1484_11',
    events: ['SetValue.cmi.*', 'Commit', 'Terminate'],
    exitEvent: 'SetValue.cmi.exit',
    entry: 'entry',
    status: 'cmi.success_status',
    kept: ['location', 'completion_status', 'success_status', 'score.scaled', 'score.raw', 'score.min', 'score.max', 'suspend_data'],
    score: { raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max', scaled: 'cmi.score.scaled' },
  },
}

/** What the launch parameters (the frame's URL fragment, never sent to a server) say, checked. */
export function launchParams(hash: string, origin: string): { src: string; parent: string; key: string; title: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const src = params.get('src') ?? ''
  const parent = params.get('parent') ?? ''
  const key = params.get('key') ?? ''
  // Only a package's own page on this origin, and a plain origin to talk to: nothing else can be made to load.
  if (!/^\/tenants\/[a-z0-9-]+\/media\/[0-9A-Z]{26}\/scorm\/[^\\]+$/.test(src) || new URL(src, origin).origin !== origin) return undefined
  if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(parent) || !/^[0-9A-Z]{26}$/.test(key)) return undefined
  return { src, parent, key, title: (params.get('title') ?? '').slice(0, 200) }
}

/** An element's value, or '' when it has none or may not be read (scorm-again throws for write-only ones). */
const read = (runtime: ScormRuntime, element: string) => {
  try {
    const value = runtime.getCMIValue(element)
    return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
  } catch {
    return ''
  }
}

/** The score as a percentage: scaled (2004) if set, else raw within min–max (0–100 when they are not set). */
export function scorePercent(runtime: ScormRuntime, version: Version): number | undefined {
  const scaled = version.score.scaled ? read(runtime, version.score.scaled) : ''
  if (scaled !== '' && Number.isFinite(Number(scaled))) return Math.max(0, Math.min(100, Number(scaled) * 100))
  const raw = read(runtime, version.score.raw)
  if (raw === '' || !Number.isFinite(Number(raw))) return undefined
  const min = Number(read(runtime, version.score.min) || 0)
  const max = Number(read(runtime, version.score.max) || 100)
  return max > min ? Math.max(0, Math.min(100, ((Number(raw) - min) / (max - min)) * 100)) : undefined
}

/** Nested `{ core: { lesson_status: … } }` from the kept elements' values, as loadFromJSON takes it. */
function nest(values: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[parts[parts.length - 1]!] = value
  }
  return root
}

export function play(versionName: '1.2' | '2004', createRuntime: () => ScormRuntime): void {
  const version = versions[versionName]
  const params = launchParams(location.hash, location.origin)
  const frame = document.getElementById('package') as HTMLIFrameElement
  if (!params) {
    document.body.dataset.state = 'invalid'
    return
  }
  const storageKey = `kompetansebroen-scorm-${params.key}`
  const runtime = createRuntime()
  let saved: Record<string, string> = {}
  try {
    saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') ?? {}
  } catch {
    // Blocked or damaged storage: the course starts from the beginning.
  }
  // The package suspended last time (its exit, heard when set): this visit resumes (cmi.core.entry / cmi.entry).
  const { exit, ...values } = saved
  if (Object.keys(values).length) runtime.loadFromJSON(nest({ ...values, ...(exit === 'suspend' ? { [version.entry]: 'resume' } : {}) }))
  let exitValue = ''
  runtime.on(version.exitEvent, (_element, value) => {
    exitValue = String(value ?? '')
  })

  let told = ''
  const tell = () => {
    const message = { type: 'kompetansebroen-scorm', status: read(runtime, version.status), score: scorePercent(runtime, version) }
    const text = JSON.stringify(message)
    if (text === told) return
    told = text
    parent.postMessage(message, params.parent)
  }
  const keep = () => {
    const values: Record<string, string> = exitValue ? { exit: exitValue } : {}
    for (const element of version.kept) {
      const value = read(runtime, `cmi.${element}`)
      if (value !== '') values[element] = value
    }
    try {
      localStorage.setItem(storageKey, JSON.stringify(values))
    } catch {
      // Full or blocked: progress is not kept, the course still plays.
    }
    tell()
  }
  for (const event of version.events) runtime.on(event, keep)
  ;(window as unknown as Record<string, unknown>)[version.global] = runtime
  frame.title = params.title || frame.title
  frame.src = params.src
  tell()
}
