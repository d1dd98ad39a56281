import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { signParts } from '../../../functions/media/presign.ts'
import { createAwsClients } from '../../../functions/shared/aws.ts'
import type { RuntimeConfig } from '../../../functions/shared/config.ts'

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' }
const inAws: RuntimeConfig = { region: 'eu-north-1', tables: { content: 'kb-content', counters: 'kb-counters' }, mediaBucket: 'kb-media' }
const local: RuntimeConfig = { ...inAws, endpoints: { dynamodb: 'http://127.0.0.1:1', s3: 'http://127.0.0.1:2' } }

const checksumSetting = (client: S3Client) => client.config.requestChecksumCalculation()
const partUrl = async (client: S3Client) => {
  const [part] = await signParts({ s3: client, bucket: 'kb-media', key: 'uploads/innlandet/x/film.mp4' }, { uploadId: 'u1', size: 10, partSize: 10 })
  return new URL(part!.url)
}

describe('S3 clients', () => {
  it('keeps the SDK’s integrity checks in AWS and narrows them only against the emulator', async () => {
    expect(await checksumSetting(createAwsClients(inAws).s3)).toBe('WHEN_SUPPORTED')
    expect(await checksumSetting(createAwsClients(local).s3)).toBe('WHEN_REQUIRED')
  })

  it('signs part URLs without a checksum of the empty body, which S3 would hold the real part against', async () => {
    const presigner = createAwsClients(inAws).s3Presigner
    presigner.config.credentials = async () => credentials
    const signed = await partUrl(presigner)
    expect([...signed.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([])
    expect(signed.searchParams.get('X-Amz-SignedHeaders')).toContain('content-length')

    // The hazard this avoids: a client with the SDK's defaults signs CRC32("") into the URL.
    const defaults = new S3Client({ region: 'eu-north-1', credentials })
    expect([...(await partUrl(defaults)).searchParams.keys()].some((name) => /checksum/i.test(name))).toBe(true)
  })
})
