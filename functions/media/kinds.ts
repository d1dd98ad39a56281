/**
 * What each kind of media may be: the allow-listed types, their file-name extensions, what their bytes must
 * sniff as, and the size cap. No imports, so the editor workspace can check a file with the same rules and
 * the same words before it starts an upload.
 */

export const mediaKinds = ['image', 'audio', 'video', 'captions', 'document', 'scorm'] as const
export type MediaKind = (typeof mediaKinds)[number]

export const MB = 1024 * 1024
const GB = 1024 * MB

/** Files above this go up in parts (S3 multipart); smaller ones in one presigned POST. */
export const multipartThresholdBytes = 50 * MB

interface Format {
  /** How a sentence names it: "an MP3". */
  name: string
  extensions: string[]
  /** What `file-type` may report for the bytes of such a file. */
  sniffed: string[]
}

interface KindRule {
  /** "Images can be at most 15 MB." */
  plural: string
  maxBytes: number
  /** Keyed by the Content-Type the editor declares (and S3 stores). */
  formats: Record<string, Format>
  advice: string
}

// Browsers on Windows report a .zip as application/x-zip-compressed.
const zip: Format = { name: 'a ZIP archive', extensions: ['zip'], sniffed: ['application/zip'] }
const m4a: Format = { name: 'an M4A', extensions: ['m4a'], sniffed: ['audio/x-m4a', 'audio/mp4', 'video/mp4'] }

export const kindRules: Record<MediaKind, KindRule> = {
  image: {
    plural: 'Images',
    maxBytes: 15 * MB,
    formats: {
      'image/jpeg': { name: 'a JPEG image', extensions: ['jpg', 'jpeg'], sniffed: ['image/jpeg'] },
      'image/png': { name: 'a PNG image', extensions: ['png'], sniffed: ['image/png'] },
      'image/webp': { name: 'a WebP image', extensions: ['webp'], sniffed: ['image/webp'] },
    },
    advice: 'Upload a JPEG, PNG or WebP image.',
  },
  audio: {
    plural: 'Audio files',
    maxBytes: 500 * MB,
    // An M4A is an MP4 container; encoders that write the generic `isom` brand make it sniff as video/mp4.
    formats: { 'audio/mpeg': { name: 'an MP3', extensions: ['mp3'], sniffed: ['audio/mpeg'] }, 'audio/mp4': m4a, 'audio/x-m4a': m4a },
    advice: 'Upload an MP3 or M4A file.',
  },
  video: {
    plural: 'Videos',
    maxBytes: 5 * GB,
    formats: { 'video/mp4': { name: 'an MP4 video', extensions: ['mp4'], sniffed: ['video/mp4', 'video/x-m4v'] } },
    advice: 'Upload an MP4 video.',
  },
  captions: {
    plural: 'Captions and transcripts',
    maxBytes: 2 * MB,
    formats: { 'text/vtt': { name: 'WebVTT captions', extensions: ['vtt'], sniffed: ['text/vtt'] } },
    advice: 'Export the captions as WebVTT (.vtt, starting with the line WEBVTT) and upload that file.',
  },
  document: {
    plural: 'Documents',
    maxBytes: 50 * MB,
    formats: { 'application/pdf': { name: 'a PDF', extensions: ['pdf'], sniffed: ['application/pdf'] } },
    advice: 'Upload a PDF.',
  },
  // Checked whole and unpacked by the media worker (scorm-zip.ts, scorm-unpack.ts), with caps of its own.
  scorm: {
    plural: 'SCORM packages',
    maxBytes: 250 * MB,
    formats: { 'application/zip': zip, 'application/x-zip-compressed': zip },
    advice: 'Export the course from the authoring tool as a SCORM 1.2 or SCORM 2004 package (a .zip with imsmanifest.xml at its root) and upload that file.',
  },
}

/** What sniffed bytes turned out to be, in words: "a PNG image". */
const contentNames: Record<string, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'image/gif': 'a GIF image',
  'audio/mpeg': 'MP3 audio',
  'audio/x-m4a': 'M4A audio',
  'audio/mp4': 'M4A audio',
  'video/mp4': 'an MP4 video',
  'video/x-m4v': 'an MP4 video',
  'text/vtt': 'WebVTT text',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
}

export function describeContent(sniffed: { ext: string; mime: string } | undefined): string {
  if (!sniffed) return 'not in a format we recognise'
  return contentNames[sniffed.mime] ?? `${sniffed.ext.toUpperCase()} data (${sniffed.mime})`
}

/** "15 MB", "20.3 MB", "512 KB": binary units, as the caps are. */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= GB ? ['GB', GB] : bytes >= MB ? ['MB', MB] : bytes >= 1024 ? ['KB', 1024] : ['bytes', 1]
  return `${Number((bytes / (size as number)).toFixed(1))} ${unit}`
}

/** "… at most 15 MB; this file is 20.3 MB." — in bytes where rounding would make the two look equal. */
export function tooBig(plural: string, maxBytes: number, size: number, file = 'this file'): string {
  const [max, actual] = [formatBytes(maxBytes), formatBytes(size)]
  return max === actual
    ? `${plural} can be at most ${maxBytes} bytes (${max}); ${file} is ${size} bytes.`
    : `${plural} can be at most ${max}; ${file} is ${actual}.`
}

export const extensionOf = (filename: string) => /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase()

/** The Content-Type a file name implies for a kind, for browsers that report none (often .vtt, .m4a). */
export function contentTypeFor(kind: MediaKind, filename: string): string | undefined {
  const extension = extensionOf(filename)
  return Object.entries(kindRules[kind].formats).find(([, format]) => extension && format.extensions.includes(extension))?.[0]
}

/** Why an upload request is refused, in a sentence saying what to do; undefined when it is allowed. */
export function uploadProblem(request: { kind: MediaKind; filename: string; contentType: string; size: number }): string | undefined {
  const rule = kindRules[request.kind]
  const format = rule.formats[request.contentType]
  if (!format) return `${request.contentType} is not accepted for ${request.kind} uploads. ${rule.advice}`
  const extension = extensionOf(request.filename)
  if (!extension || !format.extensions.includes(extension)) {
    const wanted = format.extensions.map((candidate) => `.${candidate}`).join(' or ')
    return `The file name '${request.filename}' does not fit ${request.contentType}: it should end in ${wanted}. Rename the file or choose the right file.`
  }
  if (request.size > rule.maxBytes) return `${tooBig(rule.plural, rule.maxBytes, request.size)} Make it smaller and upload it again.`
  return undefined
}
