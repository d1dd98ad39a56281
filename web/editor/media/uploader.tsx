import { useState } from 'preact/hooks'
import type { Media, MediaKind } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { useWorkspace } from '../context.ts'
import { t, uploadText } from '../text.ts'
import { planUpload, uploadFile, UploadError } from './upload.ts'

interface Row {
  id: number
  name: string
  /** 0–100. */
  percent: number
  phase: 'uploading' | 'verifying' | 'done' | 'failed'
  error?: string
  media?: Media
}

let nextRow = 1

/**
 * Drag and drop or the file picker; one row per file with a real progress bar (bytes sent to S3), then the
 * media worker's check ("Kontrollerer filen …", announced), which the row waits for. A finished file appears first in the list below, where an image gets its alt text. The picker is the keyboard way in;
 * the drop zone is a convenience around it.
 */
export function Uploader(props: { kind?: MediaKind; onUploaded: (media: Media) => void }) {
  const { tenantApi, announce } = useWorkspace()
  const [rows, setRows] = useState<Row[]>([])
  const [over, setOver] = useState(false)
  const update = (id: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)))

  const start = (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      const id = nextRow++
      const plan = planUpload(file, props.kind)
      if ('problem' in plan) {
        setRows((current) => [...current, { id, name: file.name, percent: 0, phase: 'failed', error: plan.problem }])
        continue
      }
      setRows((current) => [...current, { id, name: file.name, percent: 0, phase: 'uploading' }])
      uploadFile(tenantApi, file, plan, {
        onProgress: (fraction) => update(id, { percent: Math.round(fraction * 100) }),
        onVerifying: () => {
          update(id, { phase: 'verifying' })
          // The bar stands at 100 % while the server reads the file: say what is happening.
          announce(uploadText.checking(file.name))
        },
      }).then(
        (media) => {
          update(id, { phase: 'done', percent: 100, media })
          announce(uploadText.uploaded(file.name))
          props.onUploaded(media)
        },
        (error) => update(id, { phase: 'failed', error: error instanceof UploadError ? error.message : describeError(error) }),
      )
    }
  }

  return (
    <div class="uploader">
      <div
        class={`dropzone${over ? ' dropzone-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault()
          setOver(false)
          start(event.dataTransfer?.files ?? null)
        }}
      >
        <p>
          {t.dropHere}{' '}
          <label class="button file-button" for={`upload-${props.kind ?? 'any'}`}>
            {t.chooseFiles}
          </label>
          <input
            id={`upload-${props.kind ?? 'any'}`}
            class="visually-hidden"
            type="file"
            multiple
            aria-describedby={`upload-${props.kind ?? 'any'}-hint`}
            onChange={(event) => {
              start((event.currentTarget as HTMLInputElement).files)
              ;(event.currentTarget as HTMLInputElement).value = ''
            }}
          />
        </p>
        <p class="hint" id={`upload-${props.kind ?? 'any'}-hint`}>
          {props.kind ? t.uploadHintFor[props.kind] : t.uploadHint}
        </p>
      </div>
      {rows.length > 0 && (
        <ul class="upload-rows">
          {rows.map((row) => (
            <li key={row.id} class={`upload-row upload-${row.phase}`}>
              <UploadRow row={row} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function UploadRow({ row }: { row: Row }) {
  const barId = `upload-bar-${row.id}`
  const phaseText = row.phase === 'uploading' ? t.uploading : row.phase === 'verifying' ? t.verifying : row.phase === 'done' ? t.uploadDone : t.uploadFailed
  return (
    <>
      <div class="upload-line">
        <span class="upload-name" id={`${barId}-name`}>
          {row.name}
        </span>
        <span class="upload-phase">
          {phaseText}
          {row.phase !== 'failed' && ` – ${uploadText.percent(row.percent)}`}
        </span>
      </div>
      {row.phase !== 'failed' && <progress id={barId} max={100} value={row.percent} aria-labelledby={`${barId}-name`} />}
      {row.error && (
        <p class="field-error" role="alert">
          <strong class="error-prefix">{t.errorPrefix}</strong> {row.error}
        </p>
      )}
      {row.media?.needsAlt && <p class="hint">{t.altNeededBelow}</p>}
    </>
  )
}
