// Client-safe query schema for candidate search: what the URL of /search may hold.
import { z } from 'zod';
import { pageParam } from '@/lib/page-param';
import { SearchTextSchema } from '@/lib/search-text';
import { cleanText } from '@/lib/text-field';

export const PAGE_SIZE = 20;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === '' || v === 'any' ? undefined : v), z.enum(values, { error: message }).optional());

// The filters' values are our codes (EASY, SYSTEM_DESIGN); someone typing the address writes
// words (easy, system design), so any case and a space or hyphen for the underscore are read as
// the code, and the message names the words rather than the codes.
const asCode = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase().replace(/[\s-]+/g, '_') : v);
const optionalCode = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === '' || v === 'any' ? undefined : asCode(v)), z.enum(values, { error: message }).optional());

export const SearchQuerySchema = z.object({
  q: SearchTextSchema.optional(),
  difficulty: optionalCode(['EASY', 'MEDIUM', 'HARD'] as const, 'Difficulty is easy, medium or hard.'),
  type: optionalCode(['TECHNICAL', 'SYSTEM_DESIGN', 'BEHAVIORAL'] as const, 'Type is technical, system design or behavioral.'),
  kind: optionalCode(['WRITTEN', 'BASH', 'PYTHON', 'CONFIG'] as const, 'Answer kind is written, bash, python or config.'),
  // Refused like the search text: a NUL here would reach Postgres too.
  tag: z.preprocess((v) => (v === '' ? undefined : v), cleanText(z.string(), 'The tag').max(60, 'A tag is at most 60 characters.').optional()),
  status: optionalEnum(['new', 'tried', 'passed'] as const, 'Status is new, tried or passed.'),
  sort: optionalEnum(['relevance', 'newest', 'easiest', 'hardest', 'popular'] as const, 'Sort by relevance, newest, easiest, hardest or popular.'),
  page: pageParam(1000),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

// The candidate's standing on a question: no attempt, attempted, or passed at least once.
export type QuestionStatus = 'new' | 'tried' | 'passed';
