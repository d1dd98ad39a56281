import { eventKinds, eventStatuses, registrationModes } from '../../../../functions/content/vocabulary.ts'
import { Link } from '../../components/common.tsx'
import { Checkbox, DateTimeField, SelectField, TextArea, TextField } from '../../components/fields.tsx'
import { numberish } from '../../form/model.ts'
import { paths } from '../../routes.ts'
import { typeFieldText } from '../../text.ts'
import { eventHintText, eventKindText, eventStatusText, registrationModeText } from '../../text/events.ts'
import { bind, linesOf, toLines, type FieldGroupProps } from './bind.ts'

export function EventFields(props: FieldGroupProps) {
  const mode = typeof props.fields.registration === 'string' ? props.fields.registration : props.fields.registrationUrl ? 'external' : 'none'
  const number = (path: string) => ({ ...bind(props, path), inputMode: 'numeric' as const, onValue: (value: string) => props.set(path, numberish(value)) })
  const saved = /^\/redaktor\/([^/]+)\/elementer\/([0-9A-Z]{26})$/.exec(location.pathname)
  const organisers = bind(props, 'coOrganisers')
  const partner = props.fields.importedFrom as { partner?: string; sourceUrl?: string; removedAt?: string } | undefined
  return (
    <>
      {partner?.partner && (
        <p class="notice">
          {eventHintText.importedFrom(partner.partner)}
          {partner.sourceUrl && (
            <>
              {' '}
              <a href={partner.sourceUrl} target="_blank" rel="noopener noreferrer">
                {eventHintText.importedSource(partner.partner)}
              </a>
            </>
          )}
        </p>
      )}
      {partner?.partner && partner.removedAt && (
        <div class="notice notice-warning" role="note">
          <p>
            <strong>{eventHintText.removedFromSource}</strong>
          </p>
          <p>{eventHintText.removedFromSourceHint(partner.partner)}</p>
        </div>
      )}
      <SelectField
        {...bind(props, 'kind')}
        value={typeof props.fields.kind === 'string' ? props.fields.kind : ''}
        onValue={(value) => props.set('kind', value)}
        options={[{ value: '', label: eventHintText.kindNone }, ...eventKinds.map((kind) => ({ value: kind, label: eventKindText[kind] }))]}
      />
      <div class="field-pair">
        <DateTimeField {...bind(props, 'startsAt')} required hint={typeFieldText.osloTime} />
        <DateTimeField {...bind(props, 'endsAt')} required hint={typeFieldText.osloTime} />
      </div>
      <SelectField
        {...bind(props, 'eventStatus')}
        value={typeof props.fields.eventStatus === 'string' ? props.fields.eventStatus : 'scheduled'}
        onValue={(value) => props.set('eventStatus', value === 'scheduled' ? '' : value)}
        options={eventStatuses.map((value) => ({ value, label: eventStatusText[value] }))}
        hint={eventHintText.eventStatus}
      />
      <TextField {...bind(props, 'organiser')} required />
      <TextArea {...organisers} value={linesOf(organisers.value)} onValue={(text) => props.set('coOrganisers', toLines(text))} rows={2} hint={eventHintText.coOrganisers} />
      <TextField {...bind(props, 'location.name')} hint={typeFieldText.locationHint} />
      <TextField {...bind(props, 'location.address')} autoComplete="off" />
      <TextField {...bind(props, 'onlineUrl')} type="url" hint={typeFieldText.onlineHint} />
      <Checkbox {...bind(props, 'onlineUrlForParticipants')} checked={props.fields.onlineUrlForParticipants === true} onValue={(checked) => props.set('onlineUrlForParticipants', checked)} />
      <TextField {...number('priceNok')} hint={eventHintText.priceNok} />
      <TextField {...bind(props, 'recordingUrl')} type="url" hint={eventHintText.recordingUrl} />
      <SelectField
        {...bind(props, 'registration')}
        value={mode}
        onValue={(value) => props.set('registration', value)}
        options={registrationModes.map((value) => ({ value, label: registrationModeText[value] }))}
      />
      {mode === 'external' && <TextField {...bind(props, 'registrationUrl')} type="url" required />}
      {mode === 'built-in' && (
        <>
          <TextField {...number('capacity')} hint={eventHintText.capacity} />
          <Checkbox {...bind(props, 'waitingList')} checked={props.fields.waitingList === true} onValue={(checked) => props.set('waitingList', checked)} />
          <DateTimeField {...bind(props, 'registrationDeadline')} hint={eventHintText.registrationDeadline} />
          <TextField {...number('retentionDays')} hint={eventHintText.retentionDays} />
          {saved && (
            <p>
              <Link href={paths.signups(saved[1]!, saved[2]!)}>{eventHintText.participants}</Link>
            </p>
          )}
        </>
      )}
    </>
  )
}
