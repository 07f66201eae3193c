// The admin Questions search takes text from the address: a NUL is refused by the filters' schema
// (the page says the filters were ignored) before it reaches Postgres, and % and _ in the search
// match themselves, not any text; a tag is found written with a space or a hyphen.
import { beforeEach, describe, expect, it } from 'vitest';
import { listAdminQuestions } from '@/server/curation/list-admin-questions';
import { QuestionFiltersSchema } from '@/server/curation/schemas';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeTopic } from './fixtures';

beforeEach(async () => {
  await resetDatabase();
  const topic = await makeTopic();
  const make = (slug: string, prompt: string, tags: string[] = []) =>
    prisma.question.create({ data: { slug, topicId: topic.id, prompt, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags } });
  await make('uptime', 'Keep 99.9% of requests under 200 ms.');
  await make('env-vars', 'What does LD_PRELOAD do?');
  await make('canary', 'Explain canary releases.');
  await make('burn', 'When do you page on an SLO?', ['error-budget']);
  // Saved before tags were hyphenated.
  await make('budget-policy', 'Who decides when the budget is spent?', ['error budget']);
});

const slugs = async (q: string) => (await listAdminQuestions({ input: QuestionFiltersSchema.parse({ q }) })).questions.map((x) => x.slug).sort();

describe('the admin question search', () => {
  it('refuses a NUL in the search with a message naming it', () => {
    const parsed = QuestionFiltersSchema.safeParse({ q: 'canary\u0000' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['q'], message: 'The search contains a NUL character (U+0000) on line 1, column 7; remove it and try again.' });
  });

  it('matches % and _ literally', async () => {
    expect(await slugs('%')).toEqual(['uptime']);
    expect(await slugs('_')).toEqual(['env-vars']);
    expect(await slugs('ld_preload')).toEqual(['env-vars']);
    expect(await slugs('canary')).toEqual(['canary']);
  });

  it('finds a tag whichever way it was written and is typed', async () => {
    for (const q of ['error-budget', 'Error Budget', 'error budget']) expect(await slugs(q), q).toEqual(['budget-policy', 'burn']);
  });
});
