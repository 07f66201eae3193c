// Finishing a mock interview when the bank or the clock moved under it: an answer to a question
// unpublished or deleted meanwhile is kept on the session and shown back ungraded, while the
// others are stored and graded (the finish used to be refused whole with a 404, on every retry,
// losing every answer); a retry stores nothing twice; and a finish after the time limit is kept,
// graded and reported late (it used to read "Finished at the time limit").
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as finishRoute } from '@/app/api/mock-sessions/[id]/finish/route';
import { deleteQuestion } from '@/server/curation/delete-question';
import { unpublishQuestion } from '@/server/curation/unpublish-question';
import { prisma } from '@/server/db';
import { claimJob } from '@/server/grading-jobs/claim-job';
import { recordGrade } from '@/server/grading-jobs/record-grade';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { finishMockSession } from '@/server/mock/finish-mock-session';
import { getMockSession } from '@/server/mock/get-mock-session';
import { describeMockTime } from '@/server/mock/mock-timing';
import { startMockSession } from '@/server/mock/start-mock-session';
import { resetDatabase } from '../../support/reset-database';

let candidate: { id: string; role: 'CANDIDATE' };
let admin: { id: string; role: 'ADMIN' };
let topicId: string;
const LONG = 'A canary release sends a small share of real traffic to the new version first, watches its error rate and latency against the old one, and rolls back at once when they get worse.';
const OTHER = 'Blue-green keeps two identical environments and switches all traffic from one to the other at once, so going back is a single switch of the router to the old environment.';

beforeEach(async () => {
  await resetDatabase();
  candidate = { id: (await prisma.user.create({ data: { email: 'mock@example.com' }, select: { id: true } })).id, role: 'CANDIDATE' };
  admin = { id: (await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } })).id, role: 'ADMIN' };
  harness.user = { id: candidate.id };
  topicId = (await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } })).id;
  // Two questions: a short mock interview asks both.
  for (let i = 0; i < 2; i++) {
    const q = await prisma.question.create({ data: { slug: `q-${i}`, topicId, prompt: `Question ${i}`, difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' }, select: { id: true } });
    await prisma.questionVersion.create({ data: { questionId: q.id, version: 1, publishedAt: new Date(), rubric: { id: 'r', version: 1 } } });
  }
});

const finish = (id: string, answers: { questionId: string; answer: string }[]) =>
  call(finishRoute as never, { method: 'POST', path: `/api/mock-sessions/${id}/finish`, params: { id }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ answers }) });

async function gradeNext(score: number) {
  const job = await claimJob({ workerId: 'test', leaseMs: 30_000 });
  await recordGrade({
    lease: { jobId: job!.jobId, workerId: job!.workerId, tries: job!.tries },
    result: { status: 'passed', score, message: 'passed', tests: [], advice: [], gradedVersion: 'rubric:r@1', durationMs: 1 },
  });
}

describe('a question withdrawn during a mock interview', () => {
  for (const withdraw of [unpublishQuestion, deleteQuestion]) {
    it(`(${withdraw.name}) stores and grades the other answers and keeps its own, ungraded; a retry stores nothing twice`, async () => {
      const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'short' } });
      const { questions } = await getMockSession({ actor: candidate, input: { id } });
      expect(questions).toHaveLength(2);
      const [gone, kept] = questions as [(typeof questions)[0], (typeof questions)[0]];
      await withdraw({ actor: admin, input: { id: gone.id } });
      const answers = [
        { questionId: gone.id, answer: LONG },
        { questionId: kept.id, answer: OTHER },
      ];

      const first = await finish(id, answers);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ id, graded: 1, notGraded: 0, withdrawn: 1, lateSeconds: 0 });
      // The page resends the same answers if it missed the response.
      const retry = await finish(id, answers);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ id, graded: 0, notGraded: 0, withdrawn: 0, lateSeconds: 0 });

      const attempts = await prisma.attempt.findMany({ where: { userId: candidate.id }, select: { questionId: true, answer: true, mockSessionId: true, status: true } });
      expect(attempts).toEqual([{ questionId: kept.id, answer: OTHER, mockSessionId: id, status: 'QUEUED' }]);
      await gradeNext(80);

      const session = await getMockSession({ actor: candidate, input: { id } });
      expect(session.notGraded).toEqual([{ questionId: gone.id, answer: LONG, reason: expect.stringContaining('withdrawn'), withdrawn: true }]);
      const report = buildMockReport(session);
      expect(report.rows.map((r) => [r.questionId, r.state, r.score, r.keptAnswer])).toEqual([
        [gone.id, 'withdrawn', null, LONG],
        [kept.id, 'graded', 80, null],
      ]);
      expect(report.rows[0]!.note).toBe('This question was withdrawn while you answered; your answer was not graded.');
      // The withdrawn question counts neither way, and is not offered for review.
      expect(report.overall).toBe(80);
      expect(report.review).toEqual([]);
    });
  }
});

describe('a finish after the time limit', () => {
  async function startedMinutesAgo(minutes: number) {
    const { id } = await startMockSession({ actor: candidate, input: { topicId, length: 'short' } });
    const startedAt = new Date(Date.now() - minutes * 60_000);
    await prisma.mockSession.update({ where: { id }, data: { startedAt, endsAt: new Date(startedAt.getTime() + 15 * 60_000) } });
    return id;
  }

  it('is stored, graded and reported as late, by how much', async () => {
    // 15 minutes allowed, finished 16 min 9 s after the start.
    const id = await startedMinutesAgo(16 + 9 / 60);
    const { questions } = await getMockSession({ actor: candidate, input: { id } });
    const result = await finishMockSession({ actor: candidate, input: { id, body: { answers: questions.map((q) => ({ questionId: q.id, answer: LONG })) } } });
    expect(result).toMatchObject({ id, graded: 2, notGraded: 0, withdrawn: 0 });
    expect(result.lateSeconds).toBeGreaterThanOrEqual(69);
    expect(result.lateSeconds).toBeLessThan(75);
    expect(await prisma.attempt.count({ where: { mockSessionId: id } })).toBe(2);
    // A retry (the page resends when it did not see the answer) stores nothing and is as late.
    const retry = await finishMockSession({ actor: candidate, input: { id, body: { answers: questions.map((q) => ({ questionId: q.id, answer: LONG })) } } });
    expect(retry).toEqual({ id, graded: 0, notGraded: 0, withdrawn: 0, lateSeconds: result.lateSeconds });
    expect(await prisma.attempt.count({ where: { mockSessionId: id } })).toBe(2);

    const session = await getMockSession({ actor: candidate, input: { id } });
    const timing = describeMockTime({ ...session, finishedAt: session.finishedAt! });
    expect(timing).toMatch(/^Finished 1 min (9|1\d) s after the time limit \(15 minutes\)/);
    expect(timing).not.toMatch(/at the time limit/);
  });

  it('within the grace for the request to travel is on time', async () => {
    const id = await startedMinutesAgo(15 + 10 / 60);
    const result = await finishMockSession({ actor: candidate, input: { id, body: { answers: [] } } });
    expect(result.lateSeconds).toBe(0);
    const session = await getMockSession({ actor: candidate, input: { id } });
    expect(describeMockTime({ ...session, finishedAt: session.finishedAt! })).toBe('Finished at the time limit (15 minutes).');
  });
});
