import { Checkbox, TextArea, TextField } from '../../components/fields.tsx'
import { numberish } from '../../form/model.ts'
import { typeFieldText } from '../../text.ts'
import { bind, linesOf, toLines, type FieldGroupProps } from './bind.ts'

export function CourseFields(props: FieldGroupProps) {
  const goals = bind(props, 'learningGoals')
  const goalError = goals.error ?? Object.entries(props.errors).find(([path]) => path.startsWith('learningGoals.'))?.[1]
  return (
    <>
      <TextField {...bind(props, 'courseUrl')} type="url" required hint={typeFieldText.courseUrlHint} />
      <TextField {...bind(props, 'provider')} required hint={typeFieldText.providerHint} />
      <TextField {...bind(props, 'durationMinutes')} inputMode="numeric" required onValue={(text) => props.set('durationMinutes', numberish(text))} class="field-short" />
      <TextArea {...goals} error={goalError} value={linesOf(goals.value)} onValue={(text) => props.set('learningGoals', toLines(text))} hint={typeFieldText.learningGoalsHint} rows={4} />
      <Checkbox path="hasExam" label={typeFieldText.hasExam} checked={props.fields.hasExam === true} onValue={(checked) => props.set('hasExam', checked)} />
    </>
  )
}
