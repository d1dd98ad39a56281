/**
 * Whether an error means storage (DynamoDB, S3) could not be reached or is shedding load, rather than a bug: the
 * connection was refused, reset or timed out, the service answered with a server fault, or it throttled us after the
 * SDK's own retries. Readers and clients then get 503 with Retry-After (issue 15), which CloudFront and well-behaved
 * clients honour, instead of a 500 that says something is broken for good.
 */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET'])
const sheddingNames = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'SlowDown', 'ServiceUnavailable', 'TimeoutError'])

/** Seconds a client is asked to wait: long enough for an emulator or a throttled table to come back. */
export const unavailableRetryAfterSeconds = 30

export function isStorageUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, name, $fault } = cause as { code?: unknown; name?: unknown; $fault?: unknown }
    if (typeof code === 'string' && networkCodes.has(code)) return true
    if (typeof name === 'string' && sheddingNames.has(name)) return true
    if ($fault === 'server') return true
  }
  return false
}
