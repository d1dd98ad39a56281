import { t } from '../text.ts'

/** Every word the embeddable pages show (issue 18), in one place. */
export const embedText = {
  /** Read after each link's text: the embeds' links leave the host page for a tab of their own. */
  newTab: ' (åpnes i ny fane)',
  latestTitle: (edition: string, topic?: string) => (topic ? `Siste om ${topic} fra ${edition}` : `Siste fra ${edition}`),
  nothingYet: 'Ingenting publisert her ennå.',
  moreOnTopic: (topic: string) => `Mer om ${topic} på ${t.siteName}`,
  moreOnSite: `Mer på ${t.siteName}`,
  /** Where an embedded card comes from, under it. */
  from: (owner: string) => `Fra ${owner}`,
  unknownTopic: (slug: string) => `tema: «${slug.slice(0, 80)}» er ikke et fagtema på ${t.siteName}.`,
  errors: {
    400: t.badRequestTitle,
    404: t.notFoundTitle,
    410: t.goneTitle,
    500: t.errorTitle,
  },
} as const
