// A question page rendered from a cached copy whose question has since been deleted or
// unpublished: the signed-in part answers with the 404 page, not the error page (a 500).
import { beforeEach, describe, expect, it } from 'vitest';
import { SignedInPractice } from '@/app/questions/[slug]/signed-in-practice';
import { prisma } from '@/server/db';
import { getQuestion } from '@/server/questions/get-question';
import { resetDatabase } from '../../support/reset-database';

let user: { id: string; email: string; name: string | null; role: 'CANDIDATE' };
let questionId: string;

beforeEach(async () => {
  await resetDatabase();
  const { id } = await prisma.user.create({ data: { email: 'reader@example.com' }, select: { id: true } });
  user = { id, email: 'reader@example.com', name: null, role: 'CANDIDATE' };
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.', published: true }, select: { id: true } });
  ({ id: questionId } = await prisma.question.create({
    data: { slug: 'canary', topicId: topic.id, prompt: 'Explain canaries.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true },
    select: { id: true },
  }));
  await prisma.questionVersion.create({ data: { questionId, version: 1, rubric: {}, modelAnswer: 'Send 5% first.', publishedAt: new Date() } });
});

const digestOf = (error: unknown) => (error as { digest?: string }).digest;

describe('the signed-in part of a question page', () => {
  it('renders for a live question', async () => {
    const question = await getQuestion({ slug: 'canary' });
    await expect(SignedInPractice({ user, question: question!, wanted: undefined })).resolves.toBeTruthy();
  });

  for (const [what, change] of [
    ['deleted', { deletedAt: new Date() }],
    ['unpublished', { published: false }],
  ] as const) {
    it(`is the 404 page when its cached question was ${what} since`, async () => {
      const cached = await getQuestion({ slug: 'canary' });
      await prisma.question.update({ where: { id: questionId }, data: change });
      const error = await SignedInPractice({ user, question: cached!, wanted: undefined }).catch((e: unknown) => e);
      expect(digestOf(error)).toMatch(/404/);
    });
  }
});
