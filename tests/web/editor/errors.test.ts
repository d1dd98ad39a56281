import { describe, expect, it } from 'vitest'
import { refusalReasons } from '../../../functions/media/refusals.ts'
import { errorCodes } from '../../../functions/shared/error-codes.ts'
import { ApiError } from '../../../web/editor/api/client.ts'
import { describeError } from '../../../web/editor/components/common.tsx'
import { waitUntilChecked } from '../../../web/editor/media/upload.ts'
import type { Media } from '../../../web/editor/api/types.ts'
import { errorCodeText, examErrorCodeText, uploadText } from '../../../web/editor/text.ts'

/** Words an English sentence has and a bokmål one does not. */
const english = /\b(the|this|that|please|cannot|could|should|your|with|upload|choose|file|item|edition|again|first)\b/i
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

  it('has a bokmål text for every code in error-codes.ts and shows it instead of the English sentence (issue 17)', () => {
    for (const code of errorCodes) {
      const sentence = 'The file is not a PNG image: it is JPEG data. Upload a JPEG, PNG or WebP image.'
      const shown = describeError(new ApiError(code === 'internal' ? 500 : 400, sentence, {}, code))
      expect(shown, code).toBe(errorCodeText[code])
      expect(shown.length, code).toBeGreaterThan(10)
      expect(shown, code).not.toMatch(english)
    }
  })

  it('never passes an English sentence through, even for an answer without a code it knows', () => {
    for (const status of [400, 409, 413, 422, 500, 502]) {
      const shown = describeError(new ApiError(status, "The address /akershus/artikler/x is already taken. Choose another slug."))
      expect(shown, String(status)).not.toMatch(english)
      expect(shown, String(status)).not.toContain('akershus')
    }
  })

  it('words every reason the media worker refuses a file for in bokmål, and an upload ends with it', async () => {
    for (const reason of refusalReasons) {
      expect(uploadText.refused[reason], reason).toBeTruthy()
      expect(uploadText.refused[reason], reason).not.toMatch(english)
    }
    const refused = { id: 'm1', status: 'refused', reason: 'wrong_content', problem: 'The file is not a PNG image.' } as unknown as Media
    await expect(waitUntilChecked({ getMedia: async () => refused }, refused)).rejects.toThrow(uploadText.refused.wrong_content)
  })
})
