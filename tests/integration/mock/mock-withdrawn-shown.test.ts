// A question withdrawn (unpublished or deleted) while a mock interview is under way stays in the
// interview the candidate began, marked withdrawn, so the page can say before the finish what the
// finish will do: keep its answer ungraded (docs/decisions/013).
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteQuestion } from '@/server/curation/delete-question';
import { unpublishQuestion } from '@/server/curation/unpublish-question';
import { prisma } from '@/server/db';
import { getMockSession } from '@/server/mock/get-mock-session';
import { startMockSession } from '@/server/mock/start-mock-session';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let admin: { id: string; role: 'ADMIN' };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  candidate = { id: (await prisma.user.create({ data: { email: 'mock@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  admin = { id: (await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } })).id, role: 'ADMIN' };
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  for (let i = 0; i < 2; i++) {
    const q = await prisma.question.create({ data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), rubric: { id: 'r', version: 1 } } });
  }
});

describe('a mock interview under way', () => {
  for (const withdraw of [unpublishQuestion, deleteQuestion]) {
    it(`(${withdraw.name}) keeps the withdrawn question, marked withdrawn, and the others as they were`, async () => {
      const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'short' } });
      const before = await getMockSession({ actor: candidate, input: { id } });
      expect(before.questions.map((q) => q.isWithdrawn)).toEqual([false, false]);
      const [gone, kept] = before.questions as [(typeof before.questions)[0], (typeof before.questions)[0]];
      await withdraw({ actor: admin, input: { id: gone.id } });

      const after = await getMockSession({ actor: candidate, input: { id } });
      expect(after.questions.map((q) => [q.id, q.prompt, q.isWithdrawn])).toEqual([
        [gone.id, gone.prompt, true],
        [kept.id, kept.prompt, false],
      ]);
    });
  }

  it('marks a question withdrawn when its topic is unpublished', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'short' } });
    await prisma.topic.update({ where: { id: topicId }, data: { published: false } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    expect(questions.map((q) => q.isWithdrawn)).toEqual([true, true]);
  });
});
