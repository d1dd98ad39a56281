import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { BlockList, isIP } from 'node:net'

/** Why a partner's feed could not be read; the workspace words each in bokmål. */
export type FetchProblem = 'not-https' | 'refused-address' | 'redirect' | 'http-error' | 'too-large' | 'too-slow' | 'unreachable'

export class FeedFetchError extends Error {
  constructor(
    readonly problem: FetchProblem,
    message: string,
  ) {
    super(message)
  }
}

export interface FetchLimits {
  /** Bytes read at most; the download is cut off past it. */
  maxBytes: number
  /** The whole fetch, redirects included. */
  timeoutMs: number
  /**
   * The local runner's fixture feed is served on loopback over http; only configuration at the edge (infra/local)
   * turns this on. In AWS it is off: https only, and no private, loopback or link-local address.
   */
  allowLoopback?: boolean
}

export const defaultFetchLimits: FetchLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000 }
const MAX_REDIRECTS = 3

/** Addresses a feed may never come from in AWS: the instance metadata service and anything inside a network. */
const privateRanges = new BlockList()
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const)
  privateRanges.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) privateRanges.addSubnet(net, prefix, 'ipv6')
const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')
const refused = (address: string, limits: FetchLimits) =>
  limits.allowLoopback ? privateRanges.check(address, familyOf(address)) && !loopback.check(address, familyOf(address)) : privateRanges.check(address, familyOf(address))

/**
 * Fetches a partner's iCalendar feed within limits, checking the address at connect time (the socket's own DNS lookup,
 * so a name cannot resolve to a public address for a check and a private one for the connection). Redirects are
 * followed a few times, each to https and each checked again; the body is streamed and cut off at `maxBytes`.
 */
export async function fetchPartnerFeed(url: string, limits: FetchLimits = defaultFetchLimits): Promise<string> {
  const deadline = Date.now() + limits.timeoutMs
  let current = new URL(url)
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const host = current.hostname.replace(/^\[|\]$/g, '')
    const literal = isIP(host) > 0
    const isLoopbackHost = host === 'localhost' || (literal && loopback.check(host, familyOf(host)))
    if (current.protocol !== 'https:' && !(limits.allowLoopback && current.protocol === 'http:' && isLoopbackHost))
      throw new FeedFetchError('not-https', `Only https feeds are read (${current.protocol} refused).`)
    // An address written in the URL is never looked up, so it is checked here.
    if (literal && refused(host, limits)) throw new FeedFetchError('refused-address', `${host} is a private address.`)
    const response = await get(current, limits, deadline)
    const status = response.statusCode ?? 0
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume()
      current = new URL(response.headers.location, current)
      continue
    }
    if (status !== 200) {
      response.resume()
      throw new FeedFetchError('http-error', `The feed answered HTTP ${status}.`)
    }
    return readLimited(response, limits.maxBytes, deadline)
  }
  throw new FeedFetchError('redirect', `More than ${MAX_REDIRECTS} redirects.`)
}

function get(url: URL, limits: FetchLimits, deadline: number): Promise<IncomingMessage> {
  const lookup = (hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) =>
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, [])
      const bad = addresses.find((entry) => refused(entry.address, limits))
      if (bad) return callback(new FeedFetchError('refused-address', `${hostname} resolves to ${bad.address}, a private address.`), [])
      callback(null, addresses)
    })
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(url, { method: 'GET', lookup: lookup as never, headers: { accept: 'text/calendar, text/plain;q=0.5', 'user-agent': 'Kompetansebroen-kalender/1.0' } }, resolve)
    const timer = setTimeout(() => request.destroy(new FeedFetchError('too-slow', 'The feed did not answer in time.')), Math.max(0, deadline - Date.now()))
    request.on('close', () => clearTimeout(timer))
    request.on('error', (error) => reject(error instanceof FeedFetchError ? error : new FeedFetchError('unreachable', error.message)))
    request.end()
  })
}

function readLimited(response: IncomingMessage, maxBytes: number, deadline: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const fail = (error: FeedFetchError) => {
      clearTimeout(timer)
      response.destroy()
      reject(error)
    }
    const timer = setTimeout(() => fail(new FeedFetchError('too-slow', 'The feed took too long to download.')), Math.max(0, deadline - Date.now()))
    const declared = Number(response.headers['content-length'])
    if (declared > maxBytes) return fail(new FeedFetchError('too-large', `The feed is ${declared} bytes; at most ${maxBytes} are read.`))
    response.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return fail(new FeedFetchError('too-large', `The feed is larger than ${maxBytes} bytes.`))
      chunks.push(chunk)
    })
    response.on('end', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    response.on('error', (error) => fail(new FeedFetchError('unreachable', error.message)))
  })
}
