import type { ScormFacts } from '../../../../functions/media/scorm-schema.ts'
import { fieldId, TextField } from '../../components/fields.tsx'
import { numberish } from '../../form/model.ts'
import { t } from '../../text.ts'
import { scormText } from '../scorm-text.ts'
import { bind, type FieldGroupProps } from './bind.ts'

type Package = Partial<ScormFacts> & { src?: string; validityMonths?: number }

/**
 * A SCORM course's package: chosen from the library or uploaded in the picker (where a refused zip shows why, in
 * bokmål), and then what the server read from it: title, version, files, launch page and mastery score. Those
 * facts are the media record's; the server copies them onto the course at every save, whatever is sent.
 */
export function ScormPackageField(props: FieldGroupProps) {
  const scorm = (props.fields.scorm ?? undefined) as Package | undefined
  const id = fieldId('scorm.src')
  const error = props.errors['scorm.src'] ?? props.errors.scorm
  return (
    <>
      <div class={`field media-field${error ? ' field-invalid' : ''}`} role="group" aria-labelledby={`${id}-label`}>
        <p class="label" id={`${id}-label`}>
          {scormText.package}
        </p>
        <p class="hint">{scormText.packageHint}</p>
        {error && (
          <p class="field-error" id={`${id}-error`}>
            <strong class="error-prefix">{t.errorPrefix}</strong> {error}
          </p>
        )}
        {scorm?.src ? (
          <dl class="facts scorm-facts">
            <dt>{scormText.title}</dt>
            <dd>{scorm.title ?? decodeURIComponent(scorm.src.split('/').pop() ?? '')}</dd>
            {scorm.version && scorm.fileCount !== undefined && (
              <>
                <dt>{scormText.version}</dt>
                <dd>{scormText.verdict({ version: scorm.version, fileCount: scorm.fileCount })}</dd>
                <dt>{scormText.launch}</dt>
                <dd>{scorm.launch}</dd>
                <dt>{scormText.mastery}</dt>
                <dd>{scorm.masteryPercent === undefined ? scormText.masteryDefault : `${scorm.masteryPercent} %`}</dd>
              </>
            )}
          </dl>
        ) : (
          <p class="media-current">{t.noFile}</p>
        )}
        <div class="button-row">
          <button
            type="button"
            class="button"
            id={id}
            aria-describedby={error ? `${id}-error` : undefined}
            onClick={() => props.pickMedia('scorm', (media) => props.set('scorm', { ...media.scorm, src: media.path, ...(scorm?.validityMonths ? { validityMonths: scorm.validityMonths } : {}) }))}
          >
            {scorm?.src ? scormText.change : scormText.choose}
          </button>
        </div>
      </div>
      {scorm?.src && (
        <TextField
          {...bind(props, 'scorm.validityMonths')}
          label={scormText.validity}
          hint={scormText.validityHint}
          inputMode="numeric"
          class="field-short"
          onValue={(text) => props.set('scorm', { ...scorm, validityMonths: numberish(text) || undefined })}
        />
      )}
    </>
  )
}
