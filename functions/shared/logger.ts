/**
 * One JSON object per line on stdout: `level`, `message`, `timestamp` and whatever fields the caller adds, at the top
 * level, so CloudWatch Logs Insights and metric filters read them as fields (`{ $.outcome = "failed" }`). Lambda's JSON
 * log format passes such lines through as they are; console.* would wrap our JSON inside its `message` string.
 * Powertools for AWS Lambda's logger does the same and more, but bundles to 23 KB (7.8 KB gzip, measured), more than
 * the site's and public API's bundle ceilings leave (issue 15).
 */
export type LogFields = Record<string, unknown>

export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger that adds `fields` (request id, tenant …) to every line. */
  with(fields: LogFields): Logger
}

export interface LoggerOptions {
  /** Where a line goes; the Lambda entry and the local runner write to stdout. */
  write?: (line: string) => void
  now?: () => Date
}

/** An Error's name, message and stack as fields; anything else as it is. */
const serialise = (value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value)

export function createLogger(options: LoggerOptions = {}, base: LogFields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  const emit = (level: string) => (message: string, fields: LogFields = {}) => {
    const entry: LogFields = { timestamp: now().toISOString(), level, message, ...base }
    for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value)
    write(JSON.stringify(entry))
  }
  return {
    info: emit('INFO'),
    warn: emit('WARN'),
    error: emit('ERROR'),
    with: (fields) => createLogger(options, { ...base, ...fields }),
  }
}
