import { DateTimeField, TextField } from '../../components/fields.tsx'
import { typeFieldText } from '../../text.ts'
import { bind, type FieldGroupProps } from './bind.ts'

export function EventFields(props: FieldGroupProps) {
  return (
    <>
      <div class="field-pair">
        <DateTimeField {...bind(props, 'startsAt')} required hint={typeFieldText.osloTime} />
        <DateTimeField {...bind(props, 'endsAt')} required hint={typeFieldText.osloTime} />
      </div>
      <TextField {...bind(props, 'organiser')} required />
      <TextField {...bind(props, 'location.name')} hint={typeFieldText.locationHint} />
      <TextField {...bind(props, 'location.address')} autoComplete="off" />
      <TextField {...bind(props, 'onlineUrl')} type="url" hint={typeFieldText.onlineHint} />
      <TextField {...bind(props, 'registrationUrl')} type="url" />
    </>
  )
}
