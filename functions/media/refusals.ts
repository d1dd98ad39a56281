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
  /** A SCORM zip without imsmanifest.xml at its root. */
  'scorm_manifest_missing',
  /** imsmanifest.xml that cannot be read as a SCORM manifest. */
  'scorm_manifest_invalid',
  /** A manifest that says neither SCORM 1.2 nor SCORM 2004. */
  'scorm_version_unknown',
  /** No SCO to launch, or its launch page is not in the zip. */
  'scorm_launch_missing',
  /** An entry whose path is absolute, climbs out with `..`, or holds a backslash, drive letter or control character. */
  'zip_unsafe_path',
  /** A symbolic link or another special file. */
  'zip_link',
  /** More files than a package may hold. */
  'zip_too_many_files',
  /** A file or the whole package unpacks to more than allowed. */
  'zip_too_large',
  /** An entry inflates far beyond its packed size (or beyond what its header says): a zip bomb. */
  'zip_bomb',
] as const
export type RefusalReason = (typeof refusalReasons)[number]

/** A refused record stays this long, so the workspace can say why, then DynamoDB's TTL removes it. */
export const refusedRecordSeconds = 24 * 60 * 60
