import type Scorm12API from 'scorm-again/scorm12/min'
import * as scorm12 from 'scorm-again/scorm12/min'
import { play, type ScormRuntime } from './player.ts'

// The module exports the class by name, though its types declare a default export.
const { Scorm12API: Runtime } = scorm12 as unknown as { Scorm12API: typeof Scorm12API }

// SCORM 1.2's runtime only (73 KB), for packages whose manifest says 1.2.
play('1.2', () => new Runtime({ autocommit: false, logLevel: 'NONE' }) as unknown as ScormRuntime)
