import { useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { adminApi, type Edition } from '../../api/admin.ts'
import { ApiError } from '../../api/client.ts'
import { Alert, describeError, ErrorSummary, focusIfLost, Link, Loading, PageTitle } from '../../components/common.tsx'
import { useConfirm } from '../../components/confirm-dialog.tsx'
import { Checkbox, fieldId, TextArea, TextField } from '../../components/fields.tsx'
import { navigate, paths } from '../../routes.ts'
import { errorCodeText } from '../../text.ts'
import type { AdminProps } from './admin-area.tsx'
import { AdminRefused } from './admin-refused.tsx'
import { adminText as t } from './admin-text.ts'
import { EditionVisibility, visibilityQuestion } from './edition-visibility.tsx'
import { blankEdition, colourContrast, draftOf, editionErrors, fieldOfCode, inputOf, type EditionDraft, type EditionField } from './edition-model.ts'

const labels: Record<EditionField, string> = {
  id: t.fieldId,
  name: t.fieldName,
  regionName: t.fieldRegion,
  description: t.fieldDescription,
  colour: t.fieldColour,
  organisations: t.fieldOrganisations,
  contactEmail: t.fieldContact,
  national: t.fieldNational,
  visible: t.fieldVisibleNow,
}

/** `/redaktor/admin/utgaver/ny` and `/redaktor/admin/utgaver/{id}`: one edition's name, colour, introduction. */
export function EditionEditor({ admin, id }: { admin: AdminProps; id?: string }) {
  const api = adminApi(admin.api)
  const [draft, setDraft] = useState<EditionDraft | undefined>(id ? undefined : blankEdition)
  const [errors, setErrors] = useState<Partial<Record<EditionField, string>>>({})
  const [problem, setProblem] = useState<string>()
  const [status, setStatus] = useState<string>()
  const [busy, setBusy] = useState(false)
  /** The stored edition's name and visibility, for the visibility action (the draft may hold an unsaved name). */
  const [stored, setStored] = useState<{ name: string; hidden: boolean }>()
  const confirm = useConfirm()
  const statusRef = useRef<HTMLParagraphElement>(null)
  const loaded = (edition: Edition) => {
    setStored({ name: edition.name, hidden: Boolean(edition.hidden) })
    return edition
  }
  useEffect(() => {
    if (id) api.edition(id).then((edition) => setDraft(draftOf(loaded(edition))), (error) => setProblem(describeError(error)))
  }, [id])

  const changeVisibility = async (visible: boolean) => {
    if (!id || !stored || !(await confirm.ask(visibilityQuestion(stored.name, visible)))) return
    setBusy(true)
    setProblem(undefined)
    setStatus(undefined)
    try {
      loaded(await api.setVisible(id, visible))
      const outcome = visible ? t.shown(stored.name) : t.hidden(stored.name)
      setStatus(outcome)
      admin.announce(outcome)
    } catch (error) {
      setProblem(describeError(error))
    } finally {
      setBusy(false)
      focusIfLost(statusRef.current)
    }
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!draft) return
    const found = editionErrors(draft)
    setErrors(found)
    setProblem(undefined)
    setStatus(undefined)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const edition = inputOf(draft)
      if (id) {
        const { id: _id, hidden: _hidden, ...fields } = edition
        loaded(await api.saveEdition(id, fields))
        setStatus(t.saved(edition.name))
        admin.announce(t.saved(edition.name))
      } else {
        await api.createEdition(edition)
        admin.announce(t.created(edition.name))
        // Its own address from now on: the heading of the edit view takes focus (PageTitle).
        await navigate(paths.adminEdition(edition.id), { force: true })
      }
    } catch (error) {
      const field = error instanceof ApiError ? fieldOfCode(error.code) : undefined
      if (field && error instanceof ApiError && error.code) setErrors({ [field]: errorCodeText[error.code] })
      else setProblem(describeError(error))
    } finally {
      setBusy(false)
      // The save button was disabled while saving: focus goes to the outcome, not the page's body (WCAG 2.4.3).
      focusIfLost(statusRef.current)
    }
  }

  if (!draft) return problem ? <AdminRefused problem={problem} /> : <Loading />
  return (
    <EditionFormPage
      draft={draft}
      hidden={stored?.hidden}
      onVisibility={changeVisibility}
      dialog={confirm.dialog}
      isNew={!id}
      errors={errors}
      problem={problem}
      status={status}
      statusRef={statusRef}
      busy={busy}
      onChange={(field, value) => setDraft({ ...draft, [field]: value })}
      onSubmit={submit}
    />
  )
}

/** The form itself, from a draft: rendered as is by tests (tests/web/editor/admin-editions.test.tsx). */
export function EditionFormPage(props: {
  draft: EditionDraft
  isNew: boolean
  errors: Partial<Record<EditionField, string>>
  problem?: string
  status?: string
  statusRef?: { current: HTMLParagraphElement | null }
  busy?: boolean
  /** The stored edition's visibility; undefined for a new one, which has the «Synlig for lesere med en gang» box instead. */
  hidden?: boolean
  onVisibility?: (visible: boolean) => void
  /** The confirm dialog while it asks (useConfirm). */
  dialog?: ComponentChildren
  onChange?: (field: EditionField, value: string | boolean) => void
  onSubmit?: (event: Event) => void
}) {
  const { draft, errors } = props
  const change = (field: EditionField) => (value: string | boolean) => props.onChange?.(field, value)
  const contrast = colourContrast(draft.colour)
  const summary = Object.entries(errors).map(([path, text]) => ({ path, text: text! }))
  return (
    <>
      <PageTitle>{props.isNew ? t.newEditionTitle : t.editEditionTitle(draft.name)}</PageTitle>
      <p>
        <Link href={paths.adminEditions()}>{t.cancel}</Link>
      </p>
      {props.problem && <Alert>{props.problem}</Alert>}
      <p class={props.status ? 'notice notice-success' : undefined} tabIndex={-1} ref={props.statusRef}>
        {props.status}
      </p>
      <ErrorSummary errors={summary} labels={(path) => labels[path as EditionField]} />
      {props.hidden !== undefined && <EditionVisibility hidden={props.hidden} national={draft.national} busy={props.busy} onChange={props.onVisibility} />}
      {props.dialog}
      <form onSubmit={props.onSubmit} noValidate>
        {props.isNew && <TextField path="id" label={t.fieldId} hint={t.fieldIdHint} required value={draft.id} error={errors.id} onValue={change('id')} />}
        <TextField path="name" label={t.fieldName} hint={t.fieldNameHint} required value={draft.name} error={errors.name} onValue={change('name')} />
        <TextField path="regionName" label={t.fieldRegion} hint={t.fieldRegionHint} required value={draft.regionName} error={errors.regionName} onValue={change('regionName')} />
        <TextArea path="description" label={t.fieldDescription} hint={t.fieldDescriptionHint} rows={4} value={draft.description} error={errors.description} onValue={change('description')} />
        <TextField path="colour" label={t.fieldColour} hint={t.fieldColourHint} required value={draft.colour} error={errors.colour} onValue={change('colour')} />
        <div class="field colour-check">
          <label for="colour-picker">{t.colourPicker}</label>
          <input id="colour-picker" type="color" value={/^#[0-9a-f]{6}$/i.test(draft.colour) ? draft.colour.toLowerCase() : '#000000'} onInput={(event) => change('colour')((event.currentTarget as HTMLInputElement).value)} />
          {/* Read out as the editor types, beside the field: the rule the server will apply on save. */}
          <p id={`${fieldId('colour')}-contrast`} aria-live="polite" class={contrast.ok ? 'hint' : 'field-error'}>
            {contrast.text}
          </p>
          {contrast.ratio !== undefined && (
            <p class="colour-sample" style={{ background: draft.colour, color: '#ffffff', padding: '0.5rem 1rem' }}>
              {t.sample}
            </p>
          )}
        </div>
        <TextArea path="organisations" label={t.fieldOrganisations} hint={t.fieldOrganisationsHint} rows={4} value={draft.organisations} error={errors.organisations} onValue={change('organisations')} />
        <TextField path="contactEmail" type="email" inputMode="email" label={t.fieldContact} required value={draft.contactEmail} error={errors.contactEmail} onValue={change('contactEmail')} />
        <Checkbox path="national" label={t.fieldNational} checked={draft.national} onValue={change('national')} />
        {props.isNew && <Checkbox path="visible" label={t.fieldVisibleNow} hint={t.fieldVisibleNowHint} checked={draft.visible} onValue={change('visible')} />}
        <p>
          <button type="submit" class="button button-primary" disabled={props.busy}>
            {props.busy ? t.saving : props.isNew ? t.create : t.save}
          </button>
        </p>
      </form>
    </>
  )
}
