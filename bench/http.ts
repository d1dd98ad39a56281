import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The bytes as they came over the wire (still compressed when the server compressed them). */
  body: Buffer
}

/**
 * GET over plain node:http, so nothing adds `accept-encoding` or decompresses behind our back (fetch does
 * both): the byte counts are what went over the wire. Loopback only.
 */
export function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const target = new URL(url)
  if (target.hostname !== '127.0.0.1') throw new Error(`the bench only talks to 127.0.0.1, not ${target.hostname}`)
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)))
    req.on('error', reject)
    req.end()
  })
}

/** A GET that must answer 200; returns the body as text (uncompressed request). */
export async function getOk(url: string): Promise<string> {
  const response = await get(url)
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  return response.body.toString('utf8')
}
