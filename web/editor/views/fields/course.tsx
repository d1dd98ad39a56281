import { Link } from '../../components/common.tsx'
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx'
import { paths } from '../../routes.ts'
import { courseBuilderText } from '../course-builder-text.ts'
import { courseStatsText } from '../course-stats-text.ts'
import { numberish } from '../../form/model.ts'
import { examText, typeFieldText } from '../../text.ts'
import { bind, linesOf, toLines, type FieldGroupProps } from './bind.ts'
import { scormText } from '../scorm-text.ts'
import { ScormPackageField } from './scorm.tsx'

export function CourseFields(props: FieldGroupProps) {
  const goals = bind(props, 'learningGoals')
  // Built here: modules and lessons are edited on their own page once the course is saved (it needs an id).
  const built = props.fields.delivery === 'built'
  const saved = /^\/redaktor\/([^/]+)\/elementer\/([0-9A-Z]{26})$/.exec(location.pathname)
  // The question bank has its own page too, next to the builder's (or below the checkbox for an external course).
  const exam = props.fields.hasExam === true && <p>{saved ? <Link href={paths.exam(saved[1]!, saved[2]!)}>{examText.openExam}</Link> : examText.saveCourseFirst}</p>
  const goalError = goals.error ?? Object.entries(props.errors).find(([path]) => path.startsWith('learningGoals.'))?.[1]
  return (
    <>
      <SelectField
        {...bind(props, 'delivery')}
        label={courseBuilderText.delivery}
        value={built ? 'built' : props.fields.delivery === 'scorm' ? 'scorm' : 'external'}
        onValue={(value) => props.set('delivery', value)}
        options={[
          { value: 'external', label: courseBuilderText.deliveryExternal },
          { value: 'built', label: courseBuilderText.deliveryBuilt },
          { value: 'scorm', label: scormText.delivery },
        ]}
      />
      {built ? (
        <>
          <p>{saved ? <Link href={paths.lessons(saved[1]!, saved[2]!)}>{courseBuilderText.openBuilder}</Link> : courseBuilderText.saveCourseFirst}</p>
          {exam}
        </>
      ) : props.fields.delivery === 'scorm' ? (
        <ScormPackageField {...props} />
      ) : (
        <TextField {...bind(props, 'courseUrl')} type="url" required hint={typeFieldText.courseUrlHint} />
      )}
      <TextField {...bind(props, 'revisedOn')} label={courseBuilderText.revisedOn} hint={courseBuilderText.revisedOnHint} class="field-short" />
      <TextField {...bind(props, 'provider')} required hint={typeFieldText.providerHint} />
      <TextField {...bind(props, 'durationMinutes')} inputMode="numeric" required onValue={(text) => props.set('durationMinutes', numberish(text))} class="field-short" />
      <TextArea {...goals} error={goalError} value={linesOf(goals.value)} onValue={(text) => props.set('learningGoals', toLines(text))} hint={typeFieldText.learningGoalsHint} rows={4} />
      <Checkbox path="hasExam" label={typeFieldText.hasExam} checked={props.fields.hasExam === true} onValue={(checked) => props.set('hasExam', checked)} />
      {!built && exam}
      {saved && (
        <p>
          <Link href={paths.stats(saved[1]!, saved[2]!)}>{courseStatsText.open}</Link>
        </p>
      )}
    </>
  )
}
