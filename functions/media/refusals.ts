/**
 * Why the server refused an uploaded file, as a stable reason beside the English `problem` sentence: the
 * workspace shows each reason in bokmål (web/editor/text/forms.ts) and never reads the sentence.
 */
export const refusalReasons = [
  /** The announced type is not one this kind of file may have. */
  'type_not_accepted',
  /** Nothing arrived but an empty object. */
  'empty',
  /** Larger than the kind allows. */
  'too_large',
  /** More bytes arrived than were announced. */
  'larger_than_announced',
  /** Fewer bytes arrived than were announced: the upload did not finish. */
  'incomplete',
  /** Stored under another type than the one announced. */
  'stored_type_mismatch',
  /** The bytes are another format than the one announced (a PNG called an MP3). */
  'wrong_content',
  /** The format is right but the file could not be read: damaged, or exported wrongly. */
  'unreadable',
  /** Sound or film without a playing time. */
  'no_duration',
  /** Sound that holds a picture track: a film. */
  'has_video',
  /** Film without a picture track: sound. */
  'no_picture',
  /** Captions that are not UTF-8 text. */
  'not_utf8',
] as const
export type RefusalReason = (typeof refusalReasons)[number]

/** A refused record stays this long, so the workspace can say why, then DynamoDB's TTL removes it. */
export const refusedRecordSeconds = 24 * 60 * 60
