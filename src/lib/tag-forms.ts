// How a typed tag is stored: lowercase, its words joined by one hyphen, whether they were
// separated by spaces, a hyphen or a hyphen with spaces around it ("Error - Budget" is
// "error-budget", not "error---budget"). Used by the tag schema (curation/schemas.ts) and by
// tagForms, so what is saved and what is searched for agree.
export function hyphenateTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s*-\s*|\s+/g, '-');
}

// The forms a typed tag may be stored under: lowercase, its words joined by hyphens (how tags are
// saved now: curation/schemas.ts TagsSchema) or by spaces (how an admin could save them before),
// so a filter or a search for "error budget" finds "error-budget" and the reverse.
export function tagForms(tag: string): string[] {
  const typed = tag.trim().toLowerCase().replace(/\s+/g, ' ');
  const hyphenated = hyphenateTag(typed);
  return [...new Set([typed, hyphenated, hyphenated.replace(/-/g, ' ')])];
}
