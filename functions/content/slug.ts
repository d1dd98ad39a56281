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
