import { createWriteStream, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { MiddlewareHandler } from 'hono'
import { accessLogHeader, formatAccessLogLine, parseAccessLog } from '../../functions/analytics/access-log.ts'
import { countDownloads, type DownloadCounting } from '../../functions/analytics/downloads.ts'

/*
 * The local router's access log (issue 15): one line per request in CloudFront's standard log format, so the download
 * counting that reads CloudFront's files in AWS reads this one unchanged. Like CloudFront's, the file holds readers'
 * addresses (here: loopback); it lives in the developer's .local folder and nothing but the counter reads it.
 */

const viewerAddress = (c: Parameters<MiddlewareHandler>[0]) => {
  try {
    return getConnInfo(c).remote.address ?? ''
  } catch {
    return '' // Called without a socket (app.request in tests that pass none).
  }
}

/** Logs every request after its response is ready, with the fields CloudFront logs and the counting reads. */
export function accessLogMiddleware(write: (line: string) => void, now: () => Date = () => new Date()): MiddlewareHandler {
  return async (c, next) => {
    const started = Date.now()
    await next()
    const at = now().toISOString()
    const range = /^bytes (\d+)-(\d+)\//.exec(c.res.headers.get('content-range') ?? '')
    const length = c.res.headers.get('content-length') ?? undefined
    write(
      formatAccessLogLine({
        date: at.slice(0, 10),
        time: at.slice(11, 19),
        'x-edge-location': 'LOCAL',
        'sc-bytes': length,
        'c-ip': viewerAddress(c),
        'cs-method': c.req.method,
        'cs(Host)': c.req.header('host'),
        'cs-uri-stem': c.req.path,
        'sc-status': c.res.status,
        'cs(User-Agent)': c.req.header('user-agent'),
        'cs-protocol': new URL(c.req.url).protocol.replace(':', ''),
        'time-taken': ((Date.now() - started) / 1000).toFixed(3),
        'sc-content-type': c.res.headers.get('content-type') ?? undefined,
        'sc-content-len': length,
        'sc-range-start': range?.[1],
        'sc-range-end': range?.[2],
      }),
    )
  }
}

/** Appends lines to `path`, writing CloudFront's header first when the file is new. */
export function fileAccessLog(path: string): (line: string) => void {
  const fresh = !existsSync(path) || statSync(path).size === 0
  const stream = createWriteStream(path, { flags: 'a' })
  if (fresh) stream.write(accessLogHeader)
  return (line) => stream.write(`${line}\n`)
}

/**
 * Counts the downloads in what the router appended to `path` since byte `from`, as CloudFront's delivery of a new file
 * would; returns where the next round starts. Only whole lines are read.
 */
export async function countLocalAccessLog(path: string, counting: DownloadCounting, from = 0): Promise<{ downloads: number; next: number }> {
  if (!existsSync(path)) return { downloads: 0, next: from }
  const size = statSync(path).size
  if (size <= from) return { downloads: 0, next: from }
  const buffer = Buffer.alloc(size - from)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buffer, 0, buffer.length, from)
  } finally {
    closeSync(fd)
  }
  const text = buffer.toString('utf8')
  const whole = text.slice(0, text.lastIndexOf('\n') + 1)
  const downloads = await countDownloads(parseAccessLog(whole), counting)
  return { downloads, next: from + Buffer.byteLength(whole) }
}

/**
 * The local stand-in for CloudFront's log delivery and the access-log function: counts what the router appended since
 * the last round, every `intervalMs` if given (npm start) and whenever `flush` is called (tests, before they read).
 */
export function localDownloadCounter(path: string, counting: DownloadCounting, options: { intervalMs?: number; log?: (line: string) => void } = {}) {
  let next = 0
  let running: Promise<number> = Promise.resolve(0)
  const flush = () =>
    (running = running.then(async () => {
      const round = await countLocalAccessLog(path, counting, next)
      next = round.next
      if (round.downloads) options.log?.(`Downloads counted from the access log: ${round.downloads}`)
      return round.downloads
    }))
  const timer = options.intervalMs
    ? setInterval(() => flush().catch((error: unknown) => options.log?.(`Counting downloads failed: ${(error as Error).message}`)), options.intervalMs)
    : undefined
  return {
    flush,
    stop: async () => {
      clearInterval(timer)
      await running.catch(() => undefined)
    },
  }
}
