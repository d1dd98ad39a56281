import { TextField } from '../components/fields.tsx'
import { examText as text } from '../text.ts'
import { settingPath, type SettingName, type SettingsDraft } from './exam-model.ts'

const names: SettingName[] = ['perGoal', 'passPercent', 'attemptsLimit', 'validityMonths']

/** The exam's settings: how many questions per learning goal, pass mark, attempts and the kursbevis' validity. */
export function ExamSettings(props: { settings: SettingsDraft; errors: Record<string, string>; perAttempt: number | undefined; onChange: (settings: SettingsDraft) => void }) {
  return (
    <fieldset class="episode">
      <legend>{text.settings}</legend>
      {names.map((name) => (
        <TextField
          path={settingPath(name)}
          label={text.setting[name]}
          hint={text.settingHint[name]}
          inputMode="numeric"
          class="field-short"
          required={name !== 'validityMonths'}
          value={props.settings[name]}
          error={props.errors[settingPath(name)]}
          onValue={(value) => props.onChange({ ...props.settings, [name]: value })}
        />
      ))}
      {props.perAttempt !== undefined && <p>{text.perAttempt(props.perAttempt)}</p>}
    </fieldset>
  )
}
