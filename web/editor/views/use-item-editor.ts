import { useEffect, useRef, useState } from 'preact/hooks'
import type { ContentType } from '../../../functions/content/schema.ts'
import { ApiError } from '../api/client.ts'
import type { ContentInput, PublishProblem, StoredItem } from '../api/types.ts'
import { describeError } from '../components/common.tsx'
import { useConfirm } from '../components/confirm-dialog.tsx'
import { useWorkspace } from '../context.ts'
import { clearBackup, readBackup, writeBackup, type Backup } from '../form/backup.ts'
import { blankForm, fingerprint, formFromItem, type FormState } from '../form/model.ts'
import { publishBlockers, validateForm, type Validation } from '../form/validate.ts'
import { paths, replaceQuietly, setLeaveGuard } from '../routes.ts'
import { publishProblemText, t } from '../text.ts'
import { formatClock as clock } from '../text/format.ts'

export interface Notice {
  kind: 'success' | 'error'
  text: string
  details?: string[]
}

/**
 * The item editor's state and every action on it. Saves are conditional on the version the editor loaded;
 * a stale one opens the conflict view with both versions, and the form keeps the editor's work meanwhile.
 */
export function useItemEditor(options: { id?: string; type?: ContentType }) {
  const { tenant, tenantApi, announce } = useWorkspace()
  const [item, setItem] = useState<StoredItem>()
  const backupKey = options.id ?? item?.id ?? `ny-${options.type}`
  const [form, setFormState] = useState<FormState | undefined>(options.type ? blankForm(options.type) : undefined)
  const [baseline, setBaseline] = useState(() => (options.type ? fingerprint(blankForm(options.type)) : ''))
  const [loadError, setLoadError] = useState<string>()
  const [validation, setValidation] = useState<Validation>()
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState<string>()
  const [conflict, setConflict] = useState<StoredItem>()
  const [backup, setBackup] = useState<Backup>()
  /** Restored work was made on this version: the next save is conditional on it, so changes made since conflict. */
  const [restoredOn, setRestoredOn] = useState<number>()
  const confirmation = useConfirm()
  const formRef = useRef(form)
  formRef.current = form

  const dirty = form !== undefined && fingerprint(form) !== baseline

  useEffect(() => {
    const offerBackup = (base: string) => {
      const found = readBackup(tenant.id, backupKey)
      if (found && fingerprint(found.form) !== base) setBackup(found)
    }
    if (!options.id) return offerBackup(baseline)
    tenantApi.getItem(options.id).then(
      (loaded) => {
        const loadedForm = formFromItem(loaded)
        setItem(loaded)
        setFormState(loadedForm)
        setBaseline(fingerprint(loadedForm))
        offerBackup(fingerprint(loadedForm))
      },
      (error) => setLoadError(describeError(error)),
    )
  }, [])

  // Unsaved work is backed up as it is typed, and leaving asks first.
  useEffect(() => {
    if (!form) return
    if (dirty) writeBackup(tenant.id, backupKey, { form, version: item?.version, at: new Date().toISOString() })
    // An offered backup stays stored until the editor restores or discards it.
    else if (!backup) clearBackup(tenant.id, backupKey)
    if (!dirty) return setLeaveGuard(undefined)
    setLeaveGuard(() => confirmation.ask(t.confirmLeave))
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    addEventListener('beforeunload', warn)
    return () => removeEventListener('beforeunload', warn)
  }, [form, dirty, backup])
  useEffect(() => () => setLeaveGuard(undefined), [])

  /** Changes go through an updater, so an answer that arrives late (a slug suggestion) never undoes typing. */
  const updateForm = (change: (current: FormState) => FormState) => setFormState((current) => (current ? change(current) : current))
  // Once errors are showing, they follow the editor's corrections as they type.
  useEffect(() => {
    if (form && validation) setValidation(validateForm(form))
  }, [form])

  /** The server took it; `sent` is the form's fingerprint as sent (status actions change no fields, so none). */
  const accepted = (saved: StoredItem, sent: string | undefined, message: string) => {
    setItem(saved)
    setRestoredOn(undefined)
    if (sent !== undefined) setBaseline(sent)
    setConflict(undefined)
    setNotice({ kind: 'success', text: message })
    announce(message)
  }

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'stale_version' && error.current) {
      setConflict(error.current as StoredItem)
      setNotice(undefined)
      return
    }
    if (error instanceof ApiError && error.code === 'slug_taken') {
      setValidation((previous) => ({ ...(previous ?? { fields: {}, blocks: {} }), fields: { ...previous?.fields, slug: t.slugTaken } }))
      setNotice({ kind: 'error', text: t.slugTaken })
      return
    }
    const problems = error instanceof ApiError ? (error.details.problems as PublishProblem[] | undefined) : undefined
    if (problems?.length) return setNotice({ kind: 'error', text: t.publishBlocked, details: problems.map((problem) => publishProblemText[problem.code]) })
    setNotice({ kind: 'error', text: describeError(error) })
  }

  /** Work kept elsewhere (a local backup, a server autosave) back in the form, unsaved; made on an older version, it saves conditional on that one. */
  const restoreWork = (work: FormState, version: number | undefined) => {
    setFormState(work)
    if (version !== undefined && version !== item?.version) setRestoredOn(version)
  }

  /** Saves (creating the item the first time); resolves with the saved item, or undefined when it could not. */
  async function save(): Promise<StoredItem | undefined> {
    const current = formRef.current
    if (!current) return undefined
    const checked = validateForm(current)
    setValidation(checked)
    if (!checked.input) {
      setNotice(undefined)
      return undefined
    }
    const sent = fingerprint(current)
    setBusy('save')
    try {
      if (!item) {
        const created = await tenantApi.createItem(checked.input)
        clearBackup(tenant.id, backupKey)
        // The new item gets its own address; the view stays as it is (no reload, focus kept).
        replaceQuietly(paths.item(tenant.id, created.id))
        accepted(created, sent, t.saved(clock()))
        return created
      }
      const saved = await tenantApi.saveItem(item.id, restoredOn ?? item.version, checked.input)
      accepted(saved, sent, t.saved(clock()))
      return saved
    } catch (error) {
      failed(error)
      return undefined
    } finally {
      setBusy(undefined)
    }
  }

  /** Saves first when there is something to save; the actions below need the stored version. */
  const saved = async () => (item && !dirty ? item : save())

  async function act(name: string, run: (current: StoredItem) => Promise<StoredItem>, message: string, check?: (input: ContentInput) => string[]) {
    const current = await saved()
    if (!current) return
    if (check && form) {
      const input = validateForm(form).input
      const blockers = input ? check(input) : []
      if (blockers.length) return setNotice({ kind: 'error', text: t.publishBlocked, details: blockers })
    }
    setBusy(name)
    try {
      const next = await run(current)
      accepted(next, undefined, message)
    } catch (error) {
      failed(error)
    } finally {
      setBusy(undefined)
    }
  }

  return {
    item,
    form,
    updateForm,
    dirty,
    busy,
    notice,
    loadError,
    validation,
    conflict,
    backup,
    save,
    publish: () => act('publish', (current) => tenantApi.publish(current.id, current.version), t.published, (input) => publishBlockers(input).map((blocker) => blocker.text)),
    unpublish: async () => (await confirmation.ask(t.confirmUnpublish)) && act('unpublish', (current) => tenantApi.unpublish(current.id, current.version), t.unpublished),
    archive: async () => (await confirmation.ask(t.confirmArchive)) && act('archive', (current) => tenantApi.archive(current.id, current.version), t.archived),
    /** The open confirmation, if any: ItemEditor renders it. */
    confirmDialog: confirmation.dialog,
    schedule: (publishAt: string | null, unpublishAt: string | null) =>
      act('schedule', (current) => tenantApi.schedule(current.id, current.version, { publishAt, unpublishAt }), t.scheduled),
    feature: (on: boolean) => act('feature', (current) => tenantApi.feature(current.id, current.version, on), on ? t.featured : t.unfeatured),
    /** Makes sure what is previewed is what is in the form. */
    previewable: saved,
    keepMine: async () => {
      if (!conflict || !form) return
      const checked = validateForm(form)
      if (!checked.input) return setValidation(checked)
      setBusy('conflict')
      try {
        accepted(await tenantApi.saveItem(conflict.id, conflict.version, checked.input), fingerprint(form), t.conflictResolvedMine)
      } catch (error) {
        failed(error)
      } finally {
        setBusy(undefined)
      }
    },
    discardMine: () => {
      if (!conflict) return
      const theirs = formFromItem(conflict)
      setItem(conflict)
      setRestoredOn(undefined)
      setFormState(theirs)
      setBaseline(fingerprint(theirs))
      setConflict(undefined)
      setValidation(undefined)
      setNotice({ kind: 'success', text: t.conflictResolvedTheirs })
      announce(t.conflictResolvedTheirs)
    },
    restoreBackup: () => {
      if (!backup) return
      restoreWork(backup.form, backup.version)
      setBackup(undefined)
    },
    restoreWork,
    /** The version the form's work is based on: what the next save is conditional on. */
    baseVersion: restoredOn ?? item?.version,
    discardBackup: () => {
      clearBackup(tenant.id, backupKey)
      setBackup(undefined)
    },
  }
}
export type ItemEditorState = ReturnType<typeof useItemEditor>
