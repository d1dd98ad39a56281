import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../web/editor/api/client.ts'
import { describeError } from '../../../web/editor/components/common.tsx'
import { errorCodeText, examErrorCodeText } from '../../../web/editor/text.ts'
import { describeExamError } from '../../../web/editor/views/exam-editor.tsx'

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

  it('words the exam API’s refusals for the question-bank screen, falling back to the workspace’s', () => {
    const unpublished = new ApiError(409, 'Publish the course before its exam: readers reach the exam from the course page.', {}, 'conflict')
    expect(describeExamError(unpublished)).toBe(examErrorCodeText.conflict)
    expect(describeExamError(unpublished)).toMatch(/Publiser kurset først/)
    expect(describeExamError(new ApiError(400, "Question 'a' names learning goal 5, but the course has 4.", {}, 'bad_request'))).not.toMatch(/names learning goal/)
    expect(describeExamError(new ApiError(400, 'Media path belongs to another edition.', {}, 'invalid_media'))).toBe(errorCodeText.invalid_media)
  })
})
