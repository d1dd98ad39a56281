import { errorCodes, type ErrorCode } from '../../../functions/shared/error-codes.ts'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
/**
 * The one way the workspace talks to /api/editor/*: bearer token, JSON, and for every request with a body
 * `x-amz-content-sha256`, the hex SHA-256 of the exact bytes sent. CloudFront's OAC cannot hash a body for
 * the Lambda Function URL, so the client must (and the local router refuses requests without it).
 */

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A failed request: the HTTP status, the API's stable `code` (what the workspace reacts to; never the English
 * sentence), the sentence, and the rest of its JSON — for a stale save the item as it is now in `current`, for
 * a refused publish the `problems`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly code?: ErrorCode,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get current(): unknown {
    return this.details.current
  }
}

const withoutBody = new Set(['GET', 'HEAD'])
const origin = () => globalThis.location?.origin ?? 'http://localhost'

/** JSON unless the caller asks for something else, the bearer token, and for a method with a body the hash of its exact bytes. */
function signed(method: string, url: string, token: string | undefined, headers: Headers, bytes: Uint8Array<ArrayBuffer>, hash: string | undefined, keepalive: boolean): Request {
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  if (token) headers.set('authorization', `Bearer ${token}`)
  if (hash !== undefined) headers.set('x-amz-content-sha256', hash)
  // keepalive (asked for by a request sent as the page goes away, issue 17) lets it outlive the page.
  return new Request(new URL(url, origin()), { method, headers, body: hash !== undefined && bytes.length > 0 ? (bytes as BodyInit) : undefined, ...(keepalive ? { keepalive } : {}) })
}

export interface ApiClient {
  /**
   * `fetch` as the typed client (endpoints.ts, Hono's `hc`) calls it: signed like every other request, and a
   * failure thrown as an ApiError, so a response it returns is always a success.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
}

export interface ApiClientOptions {
  token: () => string | undefined
  /** Called on 401: the token expired or was revoked. */
  onUnauthorized: () => void
  /** Where requests go (tests pass the editor app's `request`); the browser's fetch by default. */
  fetch?: (request: Request) => Promise<Response>
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function run(request: Request): Promise<Response> {
    let response: Response
    try {
      response = await (options.fetch ?? fetch)(request)
    } catch {
      throw new ApiError(0, 'network')
    }
    if (response.ok) return response
    let payload: Record<string, unknown> = {}
    try {
      payload = (await response.json()) as Record<string, unknown>
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    if (response.status === 401) options.onUnauthorized()
    const { error, code, ...details } = payload
    const known = typeof code === 'string' && (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : undefined
    throw new ApiError(response.status, typeof error === 'string' ? error : response.statusText, details, known)
  }

  return {
    async fetch(input, init) {
      const given = new Request(typeof input === 'string' ? new URL(input, origin()) : input, init)
      const hasBody = !withoutBody.has(given.method)
      const sign = (bytes: Uint8Array<ArrayBuffer>, hash: string | undefined, keepalive: boolean) =>
        signed(given.method, given.url, options.token(), new Headers(given.headers), bytes, hash, keepalive)
      // Sent as the page goes away: it must reach fetch() before the pagehide handler returns, since an unloading page
      // runs no later task (reading the body and crypto.subtle each answer in one). The typed client's bodies are strings.
      if (init?.keepalive && (init.body == null || typeof init.body === 'string')) {
        const bytes = new TextEncoder().encode(init.body ?? '')
        return run(sign(bytes, hasBody ? bytesToHex(sha256(bytes)) : undefined, true))
      }
      const bytes = new Uint8Array(hasBody ? await given.arrayBuffer() : new ArrayBuffer(0))
      return run(sign(bytes, hasBody ? await sha256Hex(bytes) : undefined, init?.keepalive === true))
    },
  }
}
