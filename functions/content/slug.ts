/** A URL slug from Norwegian text: "Legemiddelhåndtering i kommunen" → "legemiddelhandtering-i-kommunen". */
export function slugify(text: string, maxLength = 80): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'uten-tittel'
}

/**
 * The addresses to try, in order, for a title whose plain slug may be taken: `base`, `base-2` … `base-20`. The
 * workspace's hint (GET …/slug) and a copy (duplicate.ts) try the same ones; only the create's transaction claims.
 */
export function slugCandidates(base: string, attempts = 20): string[] {
  return Array.from({ length: attempts }, (_, index) => (index === 0 ? base : `${base.slice(0, 76)}-${index + 1}`))
}
