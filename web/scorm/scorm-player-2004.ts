import type Scorm2004API from 'scorm-again/scorm2004/min'
import * as scorm2004 from 'scorm-again/scorm2004/min'
import { play, type ScormRuntime } from './player.ts'

// The module exports the class by name, though its types declare a default export.
const { Scorm2004API: Runtime } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004API }

// SCORM 2004's runtime with its sequencing (much larger than 1.2's), only for packages whose manifest says 2004.
play('2004', () => new Runtime({ autocommit: false, logLevel: 'NONE' }) as unknown as ScormRuntime)
