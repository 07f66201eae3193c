// Two admins (or two tabs) create a question with the same prompt at the same moment. The slug is
// made from the prompt, and both made the same one: the second insert hit the unique slug and the
// admin read "Another question already uses the slug "<the whole prompt>". Choose another." on a
// form that has no slug field. Both are created now, the second with the next free slug.
import { beforeEach, expect, it } from 'vitest';
import { createQuestion } from '@/server/curation/create-question';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic } from './fixtures';

const QUESTION = { prompt: 'Explain how a canary release limits the blast radius of a bad deploy.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' } as const;

let admin: { id: string };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  topicId = (await makeTopic()).id;
});

it('creates every one of several simultaneous questions with the same prompt, each under its own slug', async () => {
  const results = await Promise.allSettled(Array.from({ length: 4 }, () => createQuestion({ actor: admin, input: { ...QUESTION, tags: [], topicId } })));
  const refused = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
  expect(refused).toEqual([]);
  const slugs = (await prisma.question.findMany({ where: { topicId }, select: { slug: true } })).map((q) => q.slug).sort();
  expect(slugs).toHaveLength(4);
  expect(new Set(slugs).size).toBe(4);
  expect(slugs[0]).toBe('explain-canary-release-limits-blast-radius');
});

it('still refuses a slug the admin chose that another question has, naming that slug', async () => {
  await createQuestion({ actor: admin, input: { ...QUESTION, tags: [], topicId, slug: 'canary' } });
  await expect(createQuestion({ actor: admin, input: { ...QUESTION, tags: [], topicId, slug: 'canary' } })).rejects.toThrow('Another question (perhaps a deleted one) already uses the slug "canary". Choose another.');
});
