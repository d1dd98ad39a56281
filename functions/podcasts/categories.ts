/**
 * Apple Podcasts categories (https://podcasters.apple.com/support/1691-apple-podcasts-categories), the ones a
 * health and education platform can use, as "Category" or "Category > Subcategory". Spotify reads the same.
 */
export const podcastCategories = [
  'Health & Fitness',
  'Health & Fitness > Alternative Health',
  'Health & Fitness > Fitness',
  'Health & Fitness > Medicine',
  'Health & Fitness > Mental Health',
  'Health & Fitness > Nutrition',
  'Health & Fitness > Sexuality',
  'Education',
  'Education > Courses',
  'Education > How To',
  'Education > Language Learning',
  'Education > Self-Improvement',
  'Science',
  'Science > Life Sciences',
  'Science > Social Sciences',
  'Society & Culture',
  'Society & Culture > Documentary',
  'Society & Culture > Personal Journals',
  'Kids & Family',
  'Kids & Family > Parenting',
  'Government',
  'News',
  'News > Daily News',
] as const

export type PodcastCategory = (typeof podcastCategories)[number]

/** `Health & Fitness > Medicine` → ['Health & Fitness', 'Medicine']. */
export const splitCategory = (category: string): [string, string | undefined] => {
  const [main, sub] = category.split(' > ')
  return [main!, sub]
}
