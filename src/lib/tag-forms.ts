// The forms a typed tag may be stored under: lowercase, its words joined by hyphens (how tags are
// saved now: curation/schemas.ts TagsSchema) or by spaces (how an admin could save them before),
// so a filter or a search for "error budget" finds "error-budget" and the reverse.
export function tagForms(tag: string): string[] {
  const typed = tag.trim().toLowerCase().replace(/\s+/g, ' ');
  return [...new Set([typed, typed.replace(/ /g, '-'), typed.replace(/-/g, ' ')])];
}
