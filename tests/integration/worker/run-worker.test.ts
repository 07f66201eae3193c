// The worker in this process against the real Postgres: LISTEN wake-up and latency, real grading
// of a written answer, retries, what happens to the answer when grading fails, and stopping.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { createAttempt } from '@/server/attempts/create-attempt';
import { getAttempt } from '@/server/attempts/get-attempt';
import { prisma } from '@/server/db';
import { GRADING_JOBS_CHANNEL, type ClaimedJob } from '@/server/grading-jobs/schemas';
import { getQuestion } from '@/server/questions/get-question';
import { seedBank } from '@/server/seeding/seed-bank';
import { gradeAttempt } from '@/worker/grade-attempt';
import { runWorker, type WorkerOptions } from '@/worker/run-worker';
import { resetDatabase } from '../../support/reset-database';

const CANARY = 'explain-canary-releases-contrast-blue-green';
const PYTHON = 'write-python-function-compare-manifests-old';

// A decent but incomplete answer: traffic split, metrics, decision and rollback, but nothing on
// blue-green, low traffic or non-deterministic bugs.
const CANARY_ANSWER = `A canary release rolls a new version out to a small subset of users first.
To run a canary for 5% of traffic, I deploy the new version beside the stable one and configure the
load balancer or service mesh with weighted routing so 5% of requests go to the canary.
I collect metrics from both — error rate, p99 latency, saturation — and compare the canary against
the baseline over the same window. If the canary's error rate or latency is significantly worse
than the baseline I declare failure; otherwise I promote it step by step, 5% → 25% → 100%.
Rollback is simply shifting the 5% of traffic back to the stable version, automated when an alert fires.`;

type Running = { stop: () => Promise<void>; logs: string[] };
const running: Running[] = [];

async function startWorker(options: Partial<WorkerOptions> = {}): Promise<Running> {
  const controller = new AbortController();
  const logs: string[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const done = runWorker({ signal: controller.signal, pollMs: 1_000, leaseMs: 5_000, log: (l) => logs.push(l), onReady: ready, ...options });
  await Promise.race([isReady, done]);
  const worker = {
    logs,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
  running.push(worker);
  return worker;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const TERMINAL = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];
const attemptRow = (id: string) =>
  prisma.attempt.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      answer: true,
      score: true,
      result: true,
      createdAt: true,
      startedAt: true,
      gradedAt: true,
      job: { select: { state: true, tries: true, lastError: true } },
    },
  });
const settled = (id: string, ms?: number) => until(() => attemptRow(id), (a) => TERMINAL.includes(a.status), ms);

const passed: GradeResult = { status: 'passed', score: 100, message: 'ok', tests: [], advice: [], gradedVersion: 'rubric:fake@1', durationMs: 1 };

let candidate: { id: string; role: 'CANDIDATE' };
let canaryId: string;

beforeEach(async () => {
  await resetDatabase();
  await seedBank();
  ({ id: canaryId } = await prisma.question.findUniqueOrThrow({ where: { slug: CANARY }, select: { id: true } }));
  const user = await prisma.user.create({ data: { email: 'worker-test@example.com' }, select: { id: true } });
  candidate = { id: user.id, role: 'CANDIDATE' };
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
});

describe('runWorker', () => {
  it('grades a written canary answer with the real rubric: covered and missed concepts, model answer, one practice', async () => {
    await startWorker();
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: CANARY_ANSWER } });
    const row = await settled(id);
    expect(['PASSED', 'FAILED']).toContain(row.status);
    expect(row.job).toMatchObject({ state: 'DONE', tries: 1 });

    const attempt = await getAttempt({ actor: candidate, input: { id } });
    const tests = attempt.result?.tests ?? [];
    // Rubric v2: a concept is covered, partly covered, missing or contradicted.
    const covered = tests.filter((t) => t.coverage === 'covered' || t.coverage === 'partial').map((t) => t.concept);
    const missed = tests.filter((t) => t.coverage === 'missing').map((t) => t.concept);
    expect(covered.length).toBeGreaterThan(0);
    expect(missed.length).toBeGreaterThan(0);
    expect(attempt.score).toBe(attempt.result?.score);
    expect(attempt.gradedVersion).toMatch(/\S/);
    expect(attempt.questionVersion).toBe(1);
    // Graded, but the model answer waits until the candidate asks for it.
    expect(attempt.modelAnswer).toBeNull();
    expect((await getQuestion({ slug: CANARY }))?.practiceCount).toBe(39 + 1);
  });

  it('grades Python answers in the real sandbox: the reference passes, a known-bad variant fails', async () => {
    await startWorker();
    const folder = path.join(process.cwd(), 'seeds', 'content', PYTHON);
    const { id: questionId } = await prisma.question.findUniqueOrThrow({ where: { slug: PYTHON }, select: { id: true } });
    const submit = (file: string) => createAttempt({ actor: candidate, input: { questionId, answer: readFileSync(path.join(folder, file), 'utf8') } });
    const good = await submit('reference.py');
    const bad = await submit(path.join('bad', 'env-order-matters.py'));
    expect(await settled(good.id, 20_000)).toMatchObject({ status: 'PASSED', score: 100, result: { gradedVersion: 'harness:python-compare-manifests@1', graderRevision: GRADER_REVISION } });
    const failed = await settled(bad.id, 20_000);
    expect(failed.status).toBe('FAILED');
    expect((failed.result as GradeResult).tests.filter((t) => t.status === 'fail').map((t) => t.name)).toContain('Env in a different order is not a change');
  });

  it('picks a new job up at once through LISTEN/NOTIFY, never waiting for the poll (10 in a row)', async () => {
    // A poll slower than the whole test: only a notification can wake this worker.
    await startWorker({ pollMs: 60_000 });
    const endToEnd: number[] = [];
    const claimToRecord: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: CANARY_ANSWER } });
      const row = await settled(id, 2_000);
      endToEnd.push(performance.now() - started);
      expect(row.status).not.toBe('QUEUED');
      claimToRecord.push(row.gradedAt!.getTime() - row.startedAt!.getTime());
    }
    // Each was graded within 2 s while the poll is 60 s: only the notification can have woken the
    // worker. How fast is the benchmark's business (npm run bench:grading), not a timed test's.
    expect(endToEnd).toHaveLength(10);
    expect(claimToRecord.every((ms) => ms >= 0)).toBe(true);
  });

  it('listens again after its LISTEN connection is cut: a job queued meanwhile and one queued after are both picked up without the poll', async () => {
    const worker = await startWorker({ pollMs: 60_000, grade: async () => ({ result: passed, questionVersionId: null }) });
    await prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN ${GRADING_JOBS_CHANNEL}'`);
    // Once it has noticed, it waits a second before it reconnects: this notification reaches no one.
    expect(await until(async () => worker.logs.some((line) => line.includes(`${GRADING_JOBS_CHANNEL} listener`) && line.includes('reconnecting')), Boolean, 5_000)).toBe(true);
    const meanwhile = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'queued while the worker was deaf' } });
    expect((await settled(meanwhile.id, 5_000)).status).toBe('PASSED');
    const after = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'queued once it listened again' } });
    expect((await settled(after.id, 2_000)).status).toBe('PASSED');
  });

  it('does not start when it cannot listen for jobs', async () => {
    const controller = new AbortController();
    const start = runWorker({ signal: controller.signal, databaseUrl: 'postgresql://nobody@127.0.0.1:1/none', grade: async () => ({ result: passed, questionVersionId: null }), log: () => {} });
    await expect(start).rejects.toThrow(/ECONNREFUSED|connect/);
    controller.abort();
  });

  it('keeps the answer when grading throws, retries with backoff, then marks INFRA_ERROR asking to resubmit', async () => {
    const calls: ClaimedJob[] = [];
    const worker = await startWorker({
      maxTries: 3,
      retryBaseMs: 20,
      grade: async (job) => {
        calls.push(job);
        throw new Error('sandbox exploded');
      },
    });
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: CANARY_ANSWER } });
    const row = await settled(id);
    expect(calls.map((c) => c.tries)).toEqual([1, 2, 3]);
    expect(row).toMatchObject({
      status: 'INFRA_ERROR',
      answer: CANARY_ANSWER,
      score: null,
      result: { status: 'infra_error', message: expect.stringMatching(/submit it again later/) },
      job: { state: 'DEAD', tries: 3, lastError: 'try 3: sandbox exploded' },
    });
    expect(worker.logs.filter((l) => l.includes('retrying at'))).toHaveLength(2);
    expect((await getQuestion({ slug: CANARY }))?.practiceCount).toBe(39);
  });

  it('retries an infra_error result and records the grade once the grader recovers', async () => {
    let calls = 0;
    await startWorker({
      retryBaseMs: 20,
      grade: async () => {
        calls++;
        const result: GradeResult = calls < 3 ? { ...passed, status: 'infra_error', score: 0, message: 'sandbox unavailable' } : passed;
        return { result, questionVersionId: null };
      },
    });
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'x' } });
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'PASSED', score: 100, job: { state: 'DONE', tries: 3, lastError: 'try 2: sandbox unavailable' } });
  });

  it('picks up jobs queued while no worker listened, and jobs whose worker died, through the poll', async () => {
    const first = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'queued before the worker started' } });
    const second = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'claimed by a worker that died' } });
    await prisma.gradingJob.update({
      where: { attemptId: second.id },
      data: { state: 'RUNNING', tries: 1, workerId: 'dead-worker', leaseUntil: new Date(Date.now() + 300) },
    });
    await prisma.attempt.update({ where: { id: second.id }, data: { status: 'RUNNING' } });
    await startWorker({ pollMs: 100, grade: async () => ({ result: passed, questionVersionId: null }) });
    expect((await settled(first.id)).status).toBe('PASSED');
    expect(await settled(second.id)).toMatchObject({ status: 'PASSED', job: { state: 'DONE', tries: 2 } });
  });

  it('gives up without grading on a job whose workers died mid-job on every try', async () => {
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'kills every worker' } });
    await prisma.gradingJob.update({
      where: { attemptId: id },
      data: { state: 'RUNNING', tries: 5, workerId: 'fifth-dead-worker', leaseUntil: new Date(Date.now() - 1) },
    });
    let graded = 0;
    await startWorker({ pollMs: 50, grade: async () => (graded++, { result: passed, questionVersionId: null }) });
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'INFRA_ERROR', answer: 'kills every worker', job: { state: 'DEAD', tries: 6, lastError: 'try 6: abandoned by 5 workers' } });
    expect(graded).toBe(0);
  });

  it('stops gracefully: an in-flight job that outlasts the grace period goes back to the queue for another worker', async () => {
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const slow = await startWorker({
      stopGraceMs: 50,
      grade: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return { result: { ...passed, score: 1 }, questionVersionId: null };
      },
    });
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'patience' } });
    await isStarted;
    await slow.stop();
    expect(await attemptRow(id)).toMatchObject({ status: 'QUEUED', job: { state: 'QUEUED', tries: 0 } });
    expect(slow.logs.some((l) => l.includes('released job'))).toBe(true);

    await startWorker({ grade: async () => ({ result: passed, questionVersionId: null }) });
    expect(await settled(id)).toMatchObject({ status: 'PASSED', score: 100, job: { state: 'DONE', tries: 1 } });
    // The slow grade finishing late in this process records nothing over it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await attemptRow(id)).toMatchObject({ status: 'PASSED', score: 100 });
  });

  it('stops gracefully: an in-flight job that finishes within the grace period is recorded', async () => {
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const worker = await startWorker({
      stopGraceMs: 5_000,
      grade: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { result: passed, questionVersionId: null };
      },
    });
    const { id } = await createAttempt({ actor: candidate, input: { questionId: canaryId, answer: 'nearly done' } });
    await isStarted;
    await worker.stop();
    expect(await attemptRow(id)).toMatchObject({ status: 'PASSED', job: { state: 'DONE', tries: 1 } });
  });
});

describe('gradeAttempt', () => {
  it('reports missing grading material as an infra_error that says what is missing', async () => {
    const { id: withoutVersion } = await createAttempt({
      actor: candidate,
      input: { questionId: canaryId, answer: 'x' },
    });
    await prisma.attempt.update({ where: { id: withoutVersion }, data: { questionVersionId: null } });
    await prisma.questionVersion.updateMany({ where: { questionId: canaryId }, data: { publishedAt: null } });
    const none = await gradeAttempt({ attemptId: withoutVersion });
    expect(none.result).toMatchObject({ status: 'infra_error', message: 'This question has no published grading material (rubric or harness) yet.' });

    await prisma.$executeRaw`UPDATE "QuestionVersion" SET rubric = NULL, "publishedAt" = now() WHERE "questionId" = ${canaryId}::uuid`;
    const noRubric = await gradeAttempt({ attemptId: withoutVersion });
    expect(noRubric.result).toMatchObject({ status: 'infra_error', message: 'Question version 1 has no rubric to grade a written answer against.' });
  });
});
