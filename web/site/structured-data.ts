import type { PublishedItem } from '../../functions/content/schema.ts'
import { onlineLinkIsPublic, registrationMode, signupClosesAt } from '../../functions/events/registration.ts'
import type { Tenant } from '../../functions/tenants/schema.ts'
import { isoDuration, osloIsoWithOffset } from './format.ts'

/** schema.org JSON-LD for an item page: Course, VideoObject, PodcastSeries, Article or Event. */
export function itemJsonLd(item: PublishedItem, owner: Tenant, url: string, origin: string): object {
  const absolute = (path: string) => new URL(path, origin).href
  const publisher = { '@type': 'Organization', name: owner.name, url: origin }
  const image = item.image ? absolute(item.image.src) : undefined
  const base = { '@context': 'https://schema.org', name: item.title, description: item.summary, url, inLanguage: 'nb', image }
  switch (item.type) {
    case 'e-kurs':
      return {
        ...base,
        '@type': 'Course',
        provider: { '@type': 'Organization', name: item.provider },
        isAccessibleForFree: true,
        timeRequired: isoDuration(item.durationMinutes * 60),
        teaches: item.learningGoals,
        hasCourseInstance: { '@type': 'CourseInstance', courseMode: 'online', courseWorkload: isoDuration(item.durationMinutes * 60) },
        offers: { '@type': 'Offer', price: 0, priceCurrency: 'NOK', category: 'Free' },
      }
    case 'film':
      return {
        ...base,
        '@type': 'VideoObject',
        thumbnailUrl: item.video.poster ? absolute(item.video.poster.src) : image,
        uploadDate: item.publishedAt,
        duration: isoDuration(item.video.durationSeconds),
        ...(item.video.src ? { contentUrl: absolute(item.video.src) } : { embedUrl: item.video.externalUrl }),
        publisher,
      }
    case 'podkast':
      return {
        ...base,
        '@type': 'PodcastSeries',
        webFeed: `${url}/feed.xml`,
        publisher,
        episode: item.episodes.map((episode) => ({
          '@type': 'PodcastEpisode',
          name: episode.title,
          description: episode.summary,
          datePublished: episode.publishedAt,
          timeRequired: isoDuration(episode.audio.durationSeconds),
          associatedMedia: { '@type': 'MediaObject', contentUrl: absolute(episode.audio.src), encodingFormat: episode.audio.mimeType },
        })),
      }
    case 'artikler':
      return {
        ...base,
        '@type': 'Article',
        headline: item.title,
        datePublished: item.publishedAt,
        dateModified: item.updatedAt,
        author: item.author ? { '@type': 'Person', name: item.author } : publisher,
        publisher,
      }
    case 'arrangementer': {
      const mode = registrationMode(item)
      const organisers = [item.organiser, ...(item.coOrganisers ?? [])].map((name) => ({ '@type': 'Organization', name }))
      return {
        ...base,
        '@type': 'Event',
        // Oslo wall time with its offset: the same instant, as people there read it.
        startDate: osloIsoWithOffset(item.startsAt),
        endDate: osloIsoWithOffset(item.endsAt),
        eventStatus: `https://schema.org/${eventStatusType[item.eventStatus ?? 'scheduled']}`,
        eventAttendanceMode: item.location
          ? item.onlineUrl
            ? 'https://schema.org/MixedEventAttendanceMode'
            : 'https://schema.org/OfflineEventAttendanceMode'
          : 'https://schema.org/OnlineEventAttendanceMode',
        location: [
          ...(item.location ? [{ '@type': 'Place', name: item.location.name, address: item.location.address }] : []),
          // A link meant for participants only is never published, here or on the page (issue 13).
          ...(item.onlineUrl ? [{ '@type': 'VirtualLocation', ...(onlineLinkIsPublic(item) ? { url: item.onlineUrl } : {}) }] : []),
        ],
        organizer: organisers.length === 1 ? organisers[0] : organisers,
        isAccessibleForFree: !item.priceNok,
        offers: {
          '@type': 'Offer',
          price: item.priceNok ?? 0,
          priceCurrency: 'NOK',
          ...(item.priceNok ? {} : { category: 'Free' }),
          availability: 'https://schema.org/InStock',
          // The event's page, which says whether sign-up is still open (this has no clock) and links it, here or elsewhere.
          url,
          validFrom: item.publishedAt,
          ...(mode === 'built-in' ? { validThrough: osloIsoWithOffset(signupClosesAt(item)) } : {}),
        },
        ...(item.recordingUrl ? { recordedIn: { '@type': 'CreativeWork', url: item.recordingUrl } } : {}),
      }
    }
  }
}

/** schema.org's EventStatusType for each of ours. */
const eventStatusType = { scheduled: 'EventScheduled', cancelled: 'EventCancelled', postponed: 'EventPostponed' } as const
