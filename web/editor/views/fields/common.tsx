import { useState } from 'preact/hooks'
import { audiences, itemPath, type ContentType } from '../../../../functions/content/schema.ts'
import { Checkbox, CheckboxGroup, TextArea, TextField } from '../../components/fields.tsx'
import { useWorkspace } from '../../context.ts'
import { audienceText, t } from '../../text.ts'
import { bind, type FieldGroupProps } from './bind.ts'
import { ImageField } from './media-field.tsx'

interface CommonProps extends FieldGroupProps {
  itemId?: string
}

/** Fields every type has: title, address, summary, main image. */
export function MainFields(props: CommonProps) {
  const { tenant, tenantApi } = useWorkspace()
  const type = props.fields.type as ContentType
  const [slugStatus, setSlugStatus] = useState<string>()
  const title = bind(props, 'title')
  const slug = bind(props, 'slug')

  /** Asks the API for a free address: from the title, or checks the one typed (it answers the next free one). */
  const suggest = async (from: string, apply: boolean) => {
    if (!from.trim()) return
    try {
      const answer = await tenantApi.suggestSlug(type, from, props.itemId)
      const typed = typeof slug.value === 'string' ? slug.value : ''
      if (apply) props.set('slug', answer.slug)
      const chosen = apply ? answer.slug : typed
      setSlugStatus(answer.available && answer.slug === chosen ? t.slugAvailable : `${t.slugTaken} ${t.slugSuggestion(answer.slug)}`)
    } catch {
      setSlugStatus(undefined)
    }
  }

  return (
    <>
      <TextField
        {...title}
        required
        hint={t.titleHint}
        class="field-title"
        onBlur={() => {
          if (!slug.value && typeof title.value === 'string') void suggest(title.value, true)
        }}
      />
      <div class="slug-row">
        <TextField
          {...slug}
          required
          hint={
            <>
              {t.slugHint(`${globalThis.location?.origin ?? ''}${itemPath({ tenant: tenant.id, type, slug: typeof slug.value === 'string' && slug.value ? slug.value : '…' })}`)}
              {slugStatus && (
                <span class="slug-status" role="status">
                  {' '}
                  {slugStatus}
                </span>
              )}
            </>
          }
          onBlur={() => typeof slug.value === 'string' && slug.value && void suggest(slug.value, false)}
        />
        <button type="button" class="button" onClick={() => typeof title.value === 'string' && void suggest(title.value, true)}>
          {t.suggestSlug}
        </button>
      </div>
      <TextArea {...bind(props, 'summary')} required hint={t.summaryHint} rows={3} />
      <ImageField {...props} path="image" hint={type === 'podkast' ? t.artworkHint : t.mainImageHint} />
    </>
  )
}

/**
 * The topic areas in use, and after them any the item still carries that are not (retired by an admin, issue 17):
 * shown checked and named as retired, so the editor can see why a save is refused and take the tick away. Without
 * them the item would keep a topic no checkbox shows, and every save would fail with no way out.
 */
export const topicOptions = (topics: Array<{ slug: string; name: string }>, chosen: string[]) => [
  ...topics.map((topic) => ({ value: topic.slug, label: topic.name })),
  ...chosen.filter((slug) => slug && !topics.some((topic) => topic.slug === slug)).map((slug) => ({ value: slug, label: t.retiredTopic(slug) })),
]

/** Audiences, topics and national sharing. */
export function TaggingFields(props: FieldGroupProps) {
  const { topics } = useWorkspace()
  const chosenTopics = (props.fields.topics as string[] | undefined) ?? []
  return (
    <>
      <CheckboxGroup
        {...bind(props, 'audiences')}
        values={(props.fields.audiences as string[] | undefined) ?? []}
        options={audiences.map((audience) => ({ value: audience, label: audienceText[audience] }))}
      />
      {topics.length > 0 ? (
        <CheckboxGroup
          {...bind(props, 'topics')}
          hint={t.topicsHint}
          values={chosenTopics}
          options={topicOptions(topics, chosenTopics)}
        />
      ) : (
        <TextField
          {...bind(props, 'topics')}
          label={t.topicsFree}
          value={chosenTopics.join(',')}
          onValue={(text) => props.set('topics', text.split(','))}
        />
      )}
      <Checkbox
        path="sharedNationally"
        label={t.shareNationally}
        hint={t.shareNationallyHint}
        checked={props.fields.sharedNationally === true}
        onValue={(checked) => props.set('sharedNationally', checked)}
      />
    </>
  )
}
