// A candidate may run three mock interviews at once, and three that time out together finish
// together. They did not: the finishes raced for the per-user submission lock (429 "Your previous
// answer is still being submitted") and, retried, the second was refused while the first's answers
// waited for grading ("You already have 8 answers waiting to be graded (the limit is 6)"), until
// the queue drained. A loop of interviews is still bounded: the other interviews widen a finish's
// limits by no more than those one may have running at once hold.
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as finishRoute } from '@/app/api/mock-sessions/[id]/finish/route';
import { prisma } from '@/server/db';
import { env } from '@/server/env';
import { TooManyRequestsError } from '@/server/errors';
import { finishMockSession } from '@/server/mock/finish-mock-session';
import { getMockSession } from '@/server/mock/get-mock-session';
import { MAX_MOCK_QUESTIONS, MAX_RUNNING_MOCKS } from '@/server/mock/schemas';
import { startMockSession } from '@/server/mock/start-mock-session';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let topicId: string;
const LONG = 'A canary release sends a small share of real traffic to the new version first, watches its error rate and latency against the old one, and rolls back at once when they get worse.';

beforeEach(async () => {
  await resetDatabase();
  candidate = { id: (await prisma.user.create({ data: { email: 'mock@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  harness.user = { id: candidate.id };
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  for (let i = 0; i < MAX_MOCK_QUESTIONS; i++) {
    const q = await prisma.question.create({ data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), rubric: { id: 'r', version: 1 } } });
  }
});

// A long interview with every question answered (nothing grades them here: they stay waiting).
async function answeredInterview() {
  const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'long' } });
  const { questions } = await getMockSession({ actor: candidate, input: { id } });
  return { id, answers: questions.map((q) => ({ questionId: q.id, answer: LONG })) };
}

const finish = ({ id, answers }: { id: string; answers: { questionId: string; answer: string }[] }) =>
  call(finishRoute as never, { method: 'POST', path: `/api/mock-sessions/${id}/finish`, params: { id }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ answers }) });

describe('finishing several mock interviews', () => {
  it('finishes every interview one may run at once, all at the same moment', async () => {
    const interviews = [];
    for (let i = 0; i < MAX_RUNNING_MOCKS; i++) interviews.push(await answeredInterview());
    const responses = await Promise.all(interviews.map(finish));
    for (const [i, response] of responses.entries()) {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: interviews[i]!.id, graded: MAX_MOCK_QUESTIONS, notGraded: 0, withdrawn: 0, lateSeconds: 0 });
    }
    expect(await prisma.attempt.count({ where: { status: 'QUEUED' } })).toBe(MAX_RUNNING_MOCKS * MAX_MOCK_QUESTIONS);
  });

  it('finishes one while another one\'s answers still wait for grading, and a loop of interviews stays bounded', async () => {
    for (let i = 0; i < MAX_RUNNING_MOCKS; i++) {
      const interview = await answeredInterview();
      expect(await finishMockSession({ actor: candidate, input: { id: interview.id, body: { answers: interview.answers } } })).toMatchObject({ graded: MAX_MOCK_QUESTIONS });
    }
    // One more: the others widen its limit by what the other running interviews could hold, no more.
    const next = await answeredInterview();
    const limit = env.MAX_PENDING_ATTEMPTS_PER_USER + MAX_MOCK_QUESTIONS + (MAX_RUNNING_MOCKS - 1) * MAX_MOCK_QUESTIONS;
    const refused = await finishMockSession({ actor: candidate, input: { id: next.id, body: { answers: next.answers } } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as Error).message).toMatch(new RegExp(`^You already have ${limit} answers waiting to be graded \\(the limit is ${limit}\\)`));
    expect(await prisma.attempt.count({ where: { mockSessionId: next.id } })).toBe(0);
    expect((await getMockSession({ actor: candidate, input: { id: next.id } })).finishedAt).toBeNull();
  });
});
