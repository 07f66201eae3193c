// A paged admin list's filters, read from its address (Users, Audit log, Questions). A hand-edited
// or outdated link with a bad filter shows the first page unfiltered rather than an error page, and
// the error goes to IgnoredFiltersAlert, which says which filter was dropped and why.
// Client-safe: zod only.
import type { z, ZodError } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

// The schema's type must leave every filter but the page optional, so that the fallback (the first
// page, no filter) is one the list takes. A parameter given twice (?role=ADMIN&role=CANDIDATE) is
// read as its first value, as /search reads it: handed to the schema as a list, it was refused as
// if neither value were one of the choices.
export function parseListFilters<T extends { page: number }>(
  schema: z.ZodType<T> & ({ page: number } extends T ? unknown : never),
  searchParams: SearchParams,
): { filters: T; error: ZodError | undefined } {
  const raw = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = schema.safeParse(raw);
  return parsed.success ? { filters: parsed.data, error: undefined } : { filters: { page: 1 } as T, error: parsed.error };
}
