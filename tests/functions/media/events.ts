import type { S3Event } from 'aws-lambda'
import { s3EventKey } from '../../../infra/local/emulators.ts'

/**
 * An S3 event notification as S3 delivers it to a Lambda (and as infra/local/emulators.ts passes s3rver's on):
 * one record, the key URL-encoded with `+` for spaces.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function s3Event(bucket: string, key: string, eventName = 'ObjectCreated:Post', extra: { size?: number; eTag?: string } = {}): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-north-1',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:TEST' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'TEST', 'x-amz-id-2': 'TEST' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'media-worker',
          bucket: { name: bucket, ownerIdentity: { principalId: 'TEST' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: s3EventKey(key), size: extra.size ?? 0, eTag: extra.eTag ?? '', sequencer: Date.now().toString(16).toUpperCase() },
        },
      },
    ],
  }
}
