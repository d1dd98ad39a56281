/*
 * CloudFront standard access logs (legacy "standard logging", W3C extended format): gzip files of tab-separated
 * lines under a `#Version: 1.0` and a `#Fields:` header naming the 33 fields in order
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html). Fields are read by
 * the names in the header, so a file with fields added or left out still parses. `-` is an empty field; the user
 * agent and other header values are URL-encoded. The local router writes the same format (infra/local/access-log.ts),
 * so one parser serves both.
 */

export const accessLogFields = [
  'date', 'time', 'x-edge-location', 'sc-bytes', 'c-ip', 'cs-method', 'cs(Host)', 'cs-uri-stem', 'sc-status', 'cs(Referer)',
  'cs(User-Agent)', 'cs-uri-query', 'cs(Cookie)', 'x-edge-result-type', 'x-edge-request-id', 'x-host-header', 'cs-protocol',
  'cs-bytes', 'time-taken', 'x-forwarded-for', 'ssl-protocol', 'ssl-cipher', 'x-edge-response-result-type', 'cs-protocol-version',
  'fle-status', 'fle-encrypted-fields', 'c-port', 'time-to-first-byte', 'x-edge-detailed-result-type', 'sc-content-type',
  'sc-content-len', 'sc-range-start', 'sc-range-end',
] as const
export type AccessLogField = (typeof accessLogFields)[number]

export const accessLogHeader = `#Version: 1.0\n#Fields: ${accessLogFields.join(' ')}\n`

/** What download counting needs of one request. */
export interface AccessLogRequest {
  /** The time the response finished, UTC. */
  at: Date
  ip: string
  method: string
  path: string
  status: number
  userAgent: string
  /** Bytes of the response body: the range's length for a 206, else the content length (or bytes sent). */
  bodyBytes: number
}

const decode = (value: string) => {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
const number = (value: string | undefined) => (value && value !== '-' && /^\d+$/.test(value) ? Number(value) : undefined)

/** Every request line of a log file's text; comment lines and lines that do not fit the header are skipped. */
export function* parseAccessLog(text: string): Generator<AccessLogRequest> {
  let fields: string[] = [...accessLogFields]
  for (const line of text.split('\n')) {
    if (line.startsWith('#Fields:')) fields = line.slice('#Fields:'.length).trim().split(/\s+/)
    if (!line || line.startsWith('#')) continue
    const values = line.replace(/\r$/, '').split('\t')
    if (values.length !== fields.length) continue
    const field = (name: AccessLogField) => {
      const value = values[fields.indexOf(name)]
      return value === undefined || value === '-' ? '' : value
    }
    const at = new Date(`${field('date')}T${field('time')}Z`)
    const status = number(field('sc-status'))
    if (Number.isNaN(at.getTime()) || status === undefined) continue
    const start = number(field('sc-range-start'))
    const end = number(field('sc-range-end'))
    const bodyBytes = start !== undefined && end !== undefined && end >= start ? end - start + 1 : (number(field('sc-content-len')) ?? number(field('sc-bytes')) ?? 0)
    yield { at, ip: field('c-ip'), method: field('cs-method'), path: decode(field('cs-uri-stem')), status, userAgent: decode(field('cs(User-Agent)')), bodyBytes }
  }
}

/** One log line in the same format, for the local router: each value URL-encoded where CloudFront encodes it. */
export function formatAccessLogLine(values: Partial<Record<AccessLogField, string | number | undefined>>): string {
  return accessLogFields
    .map((name) => {
      const value = values[name]
      if (value === undefined || value === '') return '-'
      return String(value).replace(/[\s%\x00-\x1f\x7f]/g, (char) => encodeURIComponent(char))
    })
    .join('\t')
}
