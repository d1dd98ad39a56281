import { useState } from 'preact/hooks'
import { mediaKinds, type MediaKind } from '../../../functions/media/kinds.ts'
import { PageTitle } from '../components/common.tsx'
import { FilterSelect } from '../components/fields.tsx'
import { MediaList, useMediaPages } from '../media/media-list.tsx'
import { Uploader } from '../media/uploader.tsx'
import { t } from '../text.ts'

/** The tenant's media: upload, alt text for images, delete what nothing uses. */
export function MediaLibrary() {
  const [kind, setKind] = useState<MediaKind | undefined>()
  const pages = useMediaPages(kind)
  return (
    <>
      <PageTitle>{t.mediaTitle}</PageTitle>
      <section aria-labelledby="upload-title" class="panel">
        <h2 id="upload-title">{t.uploadTitle}</h2>
        <Uploader onUploaded={(media) => (!kind || media.kind === kind) && pages.add(media)} />
      </section>
      <section aria-labelledby="files-title">
        <h2 id="files-title">{t.files}</h2>
        <div class="filters">
          <FilterSelect id="media-kind" label={t.kind} value={kind} options={mediaKinds.map((candidate) => ({ value: candidate, label: t.kindText[candidate] ?? candidate }))} onValue={(value) => setKind(value as MediaKind | undefined)} />
        </div>
        <MediaList pages={pages} />
      </section>
    </>
  )
}
