// A search value Postgres cannot take (a NUL or another control character, pasted into /search?q=
// or ?tag=) is a message on the search page, from the schema, and never reaches the query.
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/server/db';
import { SearchQuerySchema } from '@/server/search/schemas';
import { searchQuestions } from '@/server/search/search-questions';
import { resetDatabase } from '../../support/reset-database';

let actor: { id: string };

beforeEach(async () => {
  await resetDatabase();
  actor = await prisma.user.create({ data: { email: 'searcher@example.com' }, select: { id: true } });
});

describe('search values with control characters', () => {
  it.each([
    ['q', '\u0000', 'The search contains a NUL character (U+0000) on line 1, column 1; remove it and try again.'],
    ['q', 'roll\u001bback', 'The search contains a control character (U+001B) on line 1, column 5; remove it and try again.'],
    ['tag', '\u0000', 'The tag contains a NUL character (U+0000) on line 1, column 1; remove it and try again.'],
  ])('refuses %s=%j with a message the page shows', async (field, value, message) => {
    const parsed = SearchQuerySchema.safeParse({ [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: [field], message });
    const error = await searchQuestions({ actor, input: { [field]: value } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
  });
});
