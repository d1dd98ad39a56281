// autocannon ships no types; these are the few parts bench/load-worker.ts uses.
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    headers?: Record<string, string>
    /** Requests each connection sends in turn, relative to `url`'s origin. */
    requests?: Array<{ method?: string; path: string }>
  }
  export interface Result {
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number }
  }
  export interface Instance {
    /** Every response, with its latency in ms (hrtime, fractional). */
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void
    stop(): void
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
