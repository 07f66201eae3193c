// The practice page gets the result pushed: GET /api/attempts/<id>?wait=N (waitForAttempt) holds
// the request while the attempt waits or is graded and answers as soon as the worker records the
// grade (NOTIFY attempt_settled), or after N seconds with the attempt still pending. Owner only.
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { waitForAttempt } from '@/server/attempts/wait-for-attempt';
import { prisma } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { closeAttemptSettledListener } from '@/server/grading-jobs/wait-for-settled';
import { runWorker } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions } from './support/gradable-questions';

const ANSWER = 'A canary release sends 5% of traffic to the new version, compares error rate and latency with the baseline, and rolls back by shifting traffic back.';

let candidate: { id: string; role: 'CANDIDATE' };
let questionId: string;
let stop: (() => Promise<void>) | null = null;

beforeEach(async () => {
  await resetDatabase();
  ({ written: questionId } = await createGradableQuestions());
  const user = await prisma.user.create({ data: { email: 'waiter@example.com' }, select: { id: true } });
  candidate = { id: user.id, role: 'CANDIDATE' };
});

afterEach(async () => {
  await stop?.();
  stop = null;
});

afterAll(() => closeAttemptSettledListener());

async function startWorker(delayMs: number) {
  const controller = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  // A slow poll: only the notifications move this worker, and the grade is held back a little so
  // the request is surely waiting when it lands.
  const done = runWorker({
    signal: controller.signal,
    pollMs: 60_000,
    log: () => {},
    onReady: ready,
    grade: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { result: { status: 'passed', score: 100, message: 'ok', tests: [], advice: [], gradedVersion: 'rubric:t@1', durationMs: delayMs }, questionVersionId: null };
    },
  });
  await Promise.race([isReady, done]);
  stop = async () => {
    controller.abort();
    await done;
  };
}

it('answers as soon as the worker records the grade, long before the wait is up', { timeout: 60_000 }, async () => {
  await startWorker(1_000);
  const { id } = await createAttempt({ actor: candidate, input: { questionId, answer: ANSWER } });
  const started = Date.now();
  const attempt = await waitForAttempt({ actor: candidate, input: { id, waitSeconds: 25 } });
  const waited = Date.now() - started;
  expect(attempt).toMatchObject({ id, status: 'PASSED', score: 100 });
  // The model answer stays hidden until the candidate asks for it (issue 12).
  expect(attempt.modelAnswer).toBeNull();
  expect(waited).toBeLessThan(20_000);
  const graded = await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { gradedAt: true } });
  expect(graded.gradedAt).not.toBeNull();
});

it('after the wait, answers with the attempt still pending; at once when it is already graded', { timeout: 30_000 }, async () => {
  const { id } = await createAttempt({ actor: candidate, input: { questionId, answer: ANSWER } });
  const started = Date.now();
  expect((await waitForAttempt({ actor: candidate, input: { id, waitSeconds: 1 } })).status).toBe('QUEUED');
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);

  await startWorker(0);
  await waitForAttempt({ actor: candidate, input: { id, waitSeconds: 25 } });
  expect((await waitForAttempt({ actor: candidate, input: { id, waitSeconds: 25 } })).status).toBe('PASSED');
});

it('is the owner’s only: anyone else gets the same 404 as for no such attempt, without waiting', async () => {
  const { id } = await createAttempt({ actor: candidate, input: { questionId, answer: ANSWER } });
  const other = await prisma.user.create({ data: { email: 'other@example.com' }, select: { id: true } });
  await expect(waitForAttempt({ actor: { id: other.id, role: 'CANDIDATE' }, input: { id, waitSeconds: 25 } })).rejects.toBeInstanceOf(NotFoundError);
});
