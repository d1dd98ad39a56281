/** Fills `{name}` slots in wording the server wrote into the page (web/site/pages/mine-text.ts). */
export const fill = (template: string | undefined, values: Record<string, string | number>) =>
  (template ?? '').replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot))
