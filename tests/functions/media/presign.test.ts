import { describe, expect, it } from 'vitest'
import { presignPost, signParts } from '../../../functions/media/presign.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'

/**
 * s3rver ignores POST policies and signatures (DESIGN.md), so what S3 will enforce is pinned here, on the
 * documents the API signs. The client is built exactly as the Lambdas build it; nothing is sent.
 */
const { s3 } = createAwsClients({
  region: 'eu-north-1',
  tables: { content: 'unused', counters: 'unused' },
  mediaBucket: 'media-test',
  endpoints: { s3: 'http://127.0.0.1:9' },
})
const target = { s3, bucket: 'media-test', key: 'tenants/innlandet/media/01JD0000000000000000000000/bilde.png' }

const decodePolicy = (fields: Record<string, string>) =>
  JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] }

describe('presigned POST policy', () => {
  it('allows exactly this bucket, key and Content-Type, 1 to the announced bytes, for at most 10 minutes', async () => {
    const before = Date.now()
    const { url, fields } = await presignPost(target, { contentType: 'image/png', maxBytes: 2048 })
    const policy = decodePolicy(fields)
    expect(policy.conditions).toHaveLength(8)
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'media-test' },
        { key: target.key },
        ['eq', '$Content-Type', 'image/png'],
        // createPresignedPost turns every field into an exact-match condition as well.
        { 'Content-Type': 'image/png' },
        ['content-length-range', 1, 2048],
        { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
        { 'X-Amz-Credential': expect.stringMatching(/^S3RVER\/\d{8}\/eu-north-1\/s3\/aws4_request$/) },
        { 'X-Amz-Date': expect.stringMatching(/^\d{8}T\d{6}Z$/) },
      ]),
    )
    // No prefix conditions: a browser cannot pick another key or type under the same signature.
    expect(JSON.stringify(policy.conditions)).not.toMatch(/starts-with/)
    const lifetime = Date.parse(policy.expiration) - before
    expect(lifetime).toBeGreaterThan(9 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 1000)
    expect(fields).toMatchObject({ key: target.key, 'Content-Type': 'image/png', 'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(url).toBe('http://127.0.0.1:9/media-test')
  })

  it('caps the length range at what the caller allows', async () => {
    const { fields } = await presignPost(target, { contentType: 'text/vtt', maxBytes: 17 })
    expect(decodePolicy(fields).conditions).toContainEqual(['content-length-range', 1, 17])
    expect(decodePolicy(fields).conditions).toContainEqual(['eq', '$Content-Type', 'text/vtt'])
  })
})

describe('presigned multipart part URLs', () => {
  it('signs one URL per part with its exact Content-Length and no checksum the browser cannot send', async () => {
    const parts = await signParts(target, { uploadId: 'upload-1', size: 25, partSize: 10 })
    expect(parts.map((part) => part.partNumber)).toEqual([1, 2, 3])
    for (const part of parts) {
      const url = new URL(part.url)
      expect(url.pathname).toBe(`/media-test/${target.key}`)
      expect(url.searchParams.get('partNumber')).toBe(String(part.partNumber))
      expect(url.searchParams.get('uploadId')).toBe('upload-1')
      expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host')
      expect(url.searchParams.get('X-Amz-Expires')).toBe('3600')
      expect([...url.searchParams.keys()].filter((name) => name.startsWith('x-amz-checksum'))).toEqual([])
    }
  })
})
