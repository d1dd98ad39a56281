import { createHmac } from 'node:crypto'
import { isIP } from 'node:net'

/**
 * The network a listener is counted by, per IAB Podcast Measurement 2.x: an IPv4 address whole, an IPv6 address by its
 * /64 prefix (a household's devices share it, and privacy addresses rotate inside it). Empty for what is no address.
 */
export function ipNetwork(ip: string): string {
  const kind = isIP(ip)
  if (kind === 4) return ip
  if (kind !== 6) return ''
  if (ip.includes('.')) return ip.toLowerCase() // An IPv4-mapped address: the IPv4 part decides; keep it whole.
  const [head = '', tail = ''] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = ip.includes('::') && tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':') + '::/64'
}

/**
 * The listener key: an HMAC of network, user agent and file under the day's salt. The raw address goes no further
 * than this function; with the salt gone after its day, the key cannot be turned back into an address.
 */
export const listenerHash = (salt: Buffer, network: string, userAgent: string, file: string) =>
  createHmac('sha256', salt).update(`${network}\n${userAgent}\n${file}`).digest('base64url').slice(0, 32)
