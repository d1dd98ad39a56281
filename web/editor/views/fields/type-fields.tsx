import type { ContentType } from '../../../../functions/content/schema.ts'
import { TextField } from '../../components/fields.tsx'
import { bind, type FieldGroupProps } from './bind.ts'
import { CourseFields } from './course.tsx'
import { EventFields } from './event.tsx'
import { FilmFields } from './film.tsx'
import { PodcastFields } from './podcast.tsx'

/** The fields only one type has. */
export function TypeFields(props: FieldGroupProps) {
  switch (props.fields.type as ContentType) {
    case 'e-kurs':
      return <CourseFields {...props} />
    case 'film':
      return <FilmFields {...props} />
    case 'podkast':
      return <PodcastFields {...props} />
    case 'arrangementer':
      return <EventFields {...props} />
    case 'artikler':
      return <TextField {...bind(props, 'author')} autoComplete="name" />
  }
}
