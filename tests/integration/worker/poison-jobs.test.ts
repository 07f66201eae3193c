// A worker that survives what an answer does to its grading process: an answer that crashes the
// grading process, or freezes its event loop, costs only its own job a try; the second time the
// attempt is finished as the candidate's ERROR with a message (not retried forever, not
// INFRA_ERROR), and other answers are graded meanwhile by the same worker. Real Postgres, the real
// worker and real grading processes (one that misbehaves on purpose, support/faulty-grader.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { runWorker, type WorkerOptions } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions } from './support/gradable-questions';

const FAULTY_GRADER = path.join(import.meta.dirname, 'support', 'faulty-grader.ts');
const GOOD_ANSWER = 'A canary release sends 5% of traffic to the new version, compares error rate and latency with the baseline, and rolls back by shifting traffic back.';
const TERMINAL = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'poison-test-'));

type Running = { stop: () => Promise<void>; logs: string[] };
const running: Running[] = [];

async function startWorker(options: Partial<WorkerOptions> = {}): Promise<Running> {
  const controller = new AbortController();
  const logs: string[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const done = runWorker({
    signal: controller.signal,
    concurrency: 2,
    pollMs: 200,
    leaseMs: 5_000,
    stopGraceMs: 0,
    graderEntry: FAULTY_GRADER,
    log: (l) => logs.push(l),
    onReady: ready,
    ...options,
  });
  await Promise.race([isReady, done]);
  const worker = { logs, stop: async () => (controller.abort(), await done) };
  running.push(worker);
  return worker;
}

const row = (id: string) =>
  prisma.attempt.findUniqueOrThrow({
    where: { id },
    select: { status: true, score: true, result: true, answer: true, job: { select: { state: true, tries: true, crashes: true, lastError: true } } },
  });

async function settled(id: string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await row(id);
    if (TERMINAL.includes(value.status) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let candidate: { id: string; role: 'CANDIDATE' };
let questionId: string;
const submit = (answer: string) => createAttempt({ actor: candidate, input: { questionId, answer } });

beforeEach(async () => {
  await resetDatabase();
  ({ written: questionId } = await createGradableQuestions());
  const user = await prisma.user.create({ data: { email: 'poison@example.com' }, select: { id: true } });
  candidate = { id: user.id, role: 'CANDIDATE' };
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('an answer that crashes the grading process twice ends as the candidate’s ERROR; the worker grades the next answer', { timeout: 90_000 }, async () => {
  const worker = await startWorker();
  const poison = await submit(`${GOOD_ANSWER}\nCRASH-THE-GRADER`);
  const graded = await settled(poison.id, 30_000);
  expect(graded.status).toBe('ERROR');
  expect(graded.score).toBe(0);
  expect((graded.result as GradeResult).message).toMatch(/made the grader crash twice/);
  // Stamped like every grade, with the revision of the grader that crashed (decision 023).
  expect((graded.result as GradeResult).graderRevision).toBe(GRADER_REVISION);
  expect(graded.job).toMatchObject({ state: 'DONE', crashes: 2, tries: 2 });
  expect(graded.job?.lastError).toContain('the grader blew up on this answer');
  expect(graded.answer).toContain('CRASH-THE-GRADER');

  // Same worker, fresh grading processes: a good answer is graded normally.
  const good = await submit(GOOD_ANSWER);
  expect((await settled(good.id, 40_000)).status).toMatch(/^(PASSED|FAILED)$/);
  expect(worker.logs.join('\n')).toContain('the attempt is marked ERROR');
});

it('an answer that freezes the grading process is killed within the stall limit, twice, then ERROR; a neighbour is graded meanwhile', { timeout: 120_000 }, async () => {
  // Generous: on a loaded 2-core machine an innocent neighbour's synchronous grading can take seconds.
  await startWorker({ stallMs: 8_000 });
  const started = Date.now();
  const frozen = await submit(`${GOOD_ANSWER}\nFREEZE-THE-GRADER`);
  const neighbour = await submit(GOOD_ANSWER);
  const graded1 = await settled(neighbour.id, 40_000);
  expect(graded1.status, JSON.stringify(graded1)).toMatch(/^(PASSED|FAILED)$/);
  const graded = await settled(frozen.id, 60_000);
  expect(graded.status).toBe('ERROR');
  expect((graded.result as GradeResult).message).toMatch(/made the grader stop responding twice/);
  expect(graded.job).toMatchObject({ state: 'DONE', crashes: 2 });
  expect(graded.job?.lastError).toMatch(/did not respond for \d+ s/);
  // Two stalls of ~8 s each, not two lease expiries or a retry backoff.
  expect(Date.now() - started).toBeLessThan(60_000);
});

it('an answer that crashed the grading process once is graded on the retry, with the crash on record', { timeout: 60_000 }, async () => {
  await startWorker();
  const marker = path.join(scratch, 'crashed-once');
  const { id } = await submit(`${GOOD_ANSWER}\nCRASH-ONCE:${marker}`);
  const graded = await settled(id, 30_000);
  expect(graded.status).toMatch(/^(PASSED|FAILED)$/);
  expect(graded.job).toMatchObject({ state: 'DONE', crashes: 1, tries: 2 });
  expect(graded.job?.lastError).toMatch(/grader crashed: the grading process exited with code 3/);
});
