// POST /api/mock-sessions/<id>/finish carries every answer at once: answers each within the
// submission limit are taken together even when they add up to more than an ordinary request
// may carry (they were refused with a 413 naming no question), and an oversized one is still
// named by its question.
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as finishRoute } from '@/app/api/mock-sessions/[id]/finish/route';
import { prisma } from '@/server/db';
import { getMockSession } from '@/server/mock/get-mock-session';
import { startMockSession } from '@/server/mock/start-mock-session';
import { JSON_BODY_LIMIT_BYTES } from '@/server/http';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  candidate = { id: (await prisma.user.create({ data: { email: 'mock@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  harness.user = { id: candidate.id };
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  for (let i = 0; i < 10; i++) {
    const answerKind = i < 5 ? 'WRITTEN' : 'BASH';
    const q = await prisma.question.create({ data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind }, select: { id: true } });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), ...(answerKind === 'WRITTEN' ? { rubric: { id: 'r', version: 1 } } : { harness: { name: 'bash-deploy', version: 1 } }) } });
  }
});

const finish = (id: string, answers: { questionId: string; answer: string }[]) =>
  call(finishRoute as never, { method: 'POST', path: `/api/mock-sessions/${id}/finish`, params: { id }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ answers }) });

describe('finishing a mock interview over HTTP', () => {
  it('takes answers that are each within the limit however much they add up to', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const answers = questions.map((q) => ({ questionId: q.id, answer: q.answerKind === 'WRITTEN' ? 'word '.repeat(3_900) : `#!/bin/bash\n${'# a long comment line\n'.repeat(2_900)}` }));
    expect(JSON.stringify({ answers }).length).toBeGreaterThan(JSON_BODY_LIMIT_BYTES);
    const response = await finish(id, answers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id, graded: questions.length, notGraded: 0, withdrawn: 0, lateSeconds: 0 });
  });

  it('names the question whose answer is too long', async () => {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const at = questions.findIndex((q) => q.answerKind === 'WRITTEN');
    const response = await finish(id, [{ questionId: questions[at]!.id, answer: 'word '.repeat(8_000) }]);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(new RegExp(`^Question ${at + 1}: Your answer is 40,000 characters; the limit is 20,000`));
  });
});
