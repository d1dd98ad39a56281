import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../web/editor/api/client.ts'
import { describeError } from '../../../web/editor/components/common.tsx'
import { errorCodeText } from '../../../web/editor/text.ts'

describe('what an editor reads when the API refuses', () => {
  it('answers by the stable code in bokmål, never with the English sentence', () => {
    const refused = new ApiError(409, 'This edition already features 4 items: A, B, C, D. Stop featuring one first.', {}, 'featured_limit')
    expect(describeError(refused)).toBe(errorCodeText.featured_limit)
    expect(describeError(new ApiError(400, 'Media path belongs to another edition.', {}, 'invalid_media'))).toMatch(/mediebibliotek/)
    expect(describeError(new ApiError(413, 'The item is larger than DynamoDB allows.', {}, 'payload_too_large'))).toMatch(/for stort/)
  })

  it('keeps the status-based answers for errors without a code of their own', () => {
    expect(describeError(new ApiError(403, 'You are not an editor of akershus.', {}, 'forbidden'))).not.toMatch(/editor of/)
    expect(describeError(new ApiError(0, 'network'))).toMatch(/\S/)
  })
})
