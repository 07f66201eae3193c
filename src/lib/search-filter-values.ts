import type { SearchQuery } from '@/server/search/schemas';

// What the search form shows and its page links carry: the address's own values, with the filters
// it matched put back as their codes. ?difficulty=easy is read as EASY, and the Difficulty
// select (whose options are the codes) would otherwise show "Any" beside Easy results.
export function searchFilterValues(raw: Record<string, string | undefined>, query: SearchQuery | null): Record<string, string> {
  const given = Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  if (!query) return given;
  const matched: Record<string, string> = {};
  for (const [key, code] of Object.entries({ difficulty: query.difficulty, type: query.type, kind: query.kind })) if (code) matched[key] = code;
  return { ...given, ...matched };
}
