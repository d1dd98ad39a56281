import { useEffect, useRef, useState } from 'preact/hooks'
import type { ContentType } from '../../../functions/content/schema.ts'
import { Alert, describeError, ErrorSummary, focusIfLost, Link, Loading, PageTitle, StatusBadge } from '../components/common.tsx'
import { Refused } from '../components/refused.tsx'
import { useWorkspace } from '../context.ts'
import { setPath } from '../form/model.ts'
import { formatOslo } from '../form/time.ts'
import { editorId, RichTextEditor } from '../richtext/editor.tsx'
import { embeddableItems } from '../richtext/embeddable.ts'
import { blockLabel } from '../richtext/prosemirror-doc.ts'
import { paths } from '../routes.ts'
import { formOrder, labelFor, t, typeText } from '../text.ts'
import { ConflictView } from './conflict.tsx'
import type { FieldGroupProps } from './fields/bind.ts'
import { MainFields, TaggingFields } from './fields/common.tsx'
import { SharingSection } from './fields/sharing.tsx'
import { TypeFields } from './fields/type-fields.tsx'
import { useMediaPicker } from './media-picker.tsx'
import { PreviewDialog } from './preview.tsx'
import { PublishPanel } from './publish-panel.tsx'
import { PublishingSkipLink } from './publish-shortcut.tsx'
import { useItemEditor, type Notice } from './use-item-editor.ts'
import { usePresence } from './use-presence.ts'
import { useServerAutosave } from './use-server-autosave.ts'
import { AutosaveOffer, AutosaveStatus, PresenceNotice, RestoreOffer } from './work-notices.tsx'

/** Create or edit one item: its fields by type, the body, and the publishing panel beside them. */
export function ItemEditor(props: { id?: string; type?: ContentType }) {
  const { tenant, tenantApi, announce } = useWorkspace()
  const state = useItemEditor(props)
  const picker = useMediaPicker()
  const [preview, setPreview] = useState<{ html: string; title: string }>()
  const [previewError, setPreviewError] = useState<string>()
  const { form, item } = state
  // No lost work (issue 17): who else has the item open, and the editor's unsaved form kept on the server.
  const others = usePresence(item?.id)
  const autosave = useServerAutosave({ item, form, dirty: state.dirty, baseVersion: state.baseVersion, restore: state.restoreWork })

  if (state.loadError) return <Refused view="item">{state.loadError}</Refused>
  if (!form) return <Loading />

  const type = form.fields.type as ContentType
  const title = item?.title ?? typeText[type].new
  const set = (path: string, value: unknown) => state.updateForm((current) => ({ ...current, fields: setPath(current.fields, path, value) }))
  const errors = state.validation?.fields ?? {}
  const group: FieldGroupProps = { fields: form.fields, errors, set, pickMedia: picker.pick }

  const blockErrors = state.validation?.blocks ?? {}
  const summary = [
    ...Object.entries(errors)
      .map(([path, text]) => ({ path, text }))
      .sort((a, b) => formOrder(a.path) - formOrder(b.path) || a.path.localeCompare(b.path, 'nb', { numeric: true })),
    ...Object.entries(blockErrors).map(([index, text]) => ({ path: 'body', text: `${blockLabel(form.body, Number(index))}: ${text}`, target: editorId })),
  ]

  const openPreview = async () => {
    setPreviewError(undefined)
    const saved = await state.previewable()
    if (!saved) return
    try {
      setPreview({ html: await tenantApi.preview(saved.id), title: saved.title })
    } catch (error) {
      setPreviewError(describeError(error))
    }
  }

  return (
    <>
      <p class="crumbs">
        <Link href={paths.items(tenant.id)}>{t.itemsTitle}</Link>
      </p>
      <div class="editor-head">
        <PageTitle>{title}</PageTitle>
        {!state.conflict && <PublishingSkipLink />}
        <p class="meta">
          <span class="tag">{typeText[type].one}</span>
          <StatusBadge status={item?.status ?? 'draft'} />
          <span class={state.dirty ? 'save-state unsaved' : 'save-state'}>{state.dirty ? t.unsaved : item ? t.allSaved : ''}</span>
        </p>
      </div>

      <PresenceNotice others={others} />
      <AutosaveOffer autosave={autosave} />
      {state.backup && (
        <RestoreOffer restore={t.backupRestore} discard={t.backupDiscard} onRestore={state.restoreBackup} onDiscard={state.discardBackup}>
          <p>{t.backupFound(formatOslo(state.backup.at))}</p>
        </RestoreOffer>
      )}
      {state.notice && <NoticeView notice={state.notice} />}
      {previewError && <Alert>{previewError}</Alert>}

      {state.conflict ? (
        <ConflictView mine={form} current={state.conflict} busy={Boolean(state.busy)} onKeepMine={state.keepMine} onDiscardMine={state.discardMine} />
      ) : (
        <div class="editor-layout">
          <form
            class="editor-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              void state.save()
            }}
          >
            <ErrorSummary errors={summary} labels={labelFor} />
            <section class="panel" aria-labelledby="section-main">
              <h2 id="section-main">{t.fieldsMain}</h2>
              <MainFields {...group} itemId={item?.id} />
              <RichTextEditor
                value={form.body}
                onChange={(body) => state.updateForm((current) => ({ ...current, body }))}
                errors={blockErrors}
                pickImage={(onPicked) => picker.pick('image', onPicked)}
                embeddable={() => embeddableItems(tenantApi)}
                announce={announce}
              />
            </section>
            <section class="panel" aria-labelledby="section-type">
              <h2 id="section-type">{t.fieldsAbout(typeText[type].one)}</h2>
              <TypeFields {...group} />
            </section>
            <section class="panel" aria-labelledby="section-tagging">
              <h2 id="section-tagging">{t.fieldsTagging}</h2>
              <TaggingFields {...group} />
            </section>
            <SharingSection {...group} />
            <div class="form-actions">
              <button type="submit" class="button button-primary" disabled={Boolean(state.busy)}>
                {state.busy === 'save' ? t.saving : item ? t.saveChanges : t.save}
              </button>
              <span class="save-state" aria-hidden="true">
                {state.dirty ? t.unsaved : ''}
              </span>
              <AutosaveStatus savedAt={autosave.savedAt} />
            </div>
          </form>
          <aside class="editor-side">
            <PublishPanel state={state} onPreview={() => void openPreview()} />
          </aside>
        </div>
      )}

      {picker.dialog}
      {state.confirmDialog}
      {preview && <PreviewDialog html={preview.html} title={preview.title} onClose={() => setPreview(undefined)} />}
    </>
  )
}

/** Errors interrupt (role=alert) and list what to fix; success is read out by the workspace's live region. */
function NoticeView({ notice }: { notice: Notice }) {
  const ref = useRef<HTMLDivElement>(null)
  // The outcome of the action takes the focus the action's button lost.
  useEffect(() => focusIfLost(ref.current), [notice])
  return (
    <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined} tabIndex={-1} ref={ref}>
      <p>{notice.text}</p>
      {notice.details && (
        <ul>
          {notice.details.map((detail) => (
            <li>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
