// A worker killed mid-job (SIGKILL: no cleanup at all) loses nothing: the answer is stored, the
// lease expires, another worker grades it, and the attempt ends with exactly one grade, its job
// DONE and the candidate's practice counted once. Real worker processes (`npm run worker`'s
// script), the real Python grader and sandbox; the answer itself is slow.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { getQuestion } from '@/server/questions/get-question';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';

const PYTHON = 'write-python-function-compare-manifests-old';
const LEASE_MS = 1_000;

// The reference solution, slowed down: its first call sleeps 1.5 s (inside the per-test limit),
// so the first worker is still grading when it is killed.
const SLOW_ANSWER = `${readFileSync(path.join('seeds', 'content', PYTHON, 'reference.py'), 'utf8')}

import time as _time

_reference_compare_manifests = compare_manifests
_has_slept = False


def compare_manifests(old, new):
    global _has_slept
    if not _has_slept:
        _has_slept = True
        _time.sleep(1.5)
    return _reference_compare_manifests(old, new)
`;

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const workers: Worker[] = [];

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'worker.ts')], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_LEASE_MS: String(LEASE_MS), WORKER_POLL_MS: '100', WORKER_CONCURRENCY: '1', LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const worker = { child, output: () => output, exited };
  workers.push(worker);
  return worker;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  await resetDatabase();
  await seedBank();
});

afterEach(async () => {
  for (const { child, exited } of workers.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
});

it('a worker SIGKILLed mid-job: another worker grades the attempt exactly once after the lease expires', { timeout: 90_000 }, async () => {
  const user = await prisma.user.create({ data: { email: 'crash@example.com' }, select: { id: true } });
  const question = await prisma.question.findUniqueOrThrow({ where: { slug: PYTHON }, select: { id: true } });
  const { id } = await createAttempt({ actor: { id: user.id, role: 'CANDIDATE' }, input: { questionId: question.id, answer: SLOW_ANSWER } });
  const job = () => prisma.gradingJob.findUniqueOrThrow({ where: { attemptId: id }, select: { state: true, tries: true, workerId: true } });
  const attempt = () => prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, answer: true, gradedAt: true, result: true } });

  const doomed = startWorker();
  await until(attempt, (a) => a.status === 'RUNNING', 30_000, 'the first worker to claim the job');
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBeNull();
  const abandoned = await job();
  expect(abandoned).toMatchObject({ state: 'RUNNING', tries: 1 });
  expect(abandoned.workerId).toContain(`:${doomed.child.pid}:`);
  expect((await attempt()).answer).toBe(SLOW_ANSWER);

  const survivor = startWorker();
  const graded = await until(attempt, (a) => !['QUEUED', 'RUNNING'].includes(a.status), 45_000, 'the second worker to grade');
  expect(graded.status).toBe('PASSED');
  expect(graded.result).toMatchObject({ status: 'passed', score: 100 });
  const finished = await job();
  expect(finished).toMatchObject({ state: 'DONE', tries: 2 });
  expect(finished.workerId).toContain(`:${survivor.child.pid}:`);

  // Give any stray grade a chance to land: nothing changes, and the practice counts once.
  await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
  expect(await attempt()).toEqual(graded);
  expect(await prisma.questionPractice.count({ where: { userId: user.id } })).toBe(1);
  expect((await getQuestion({ slug: PYTHON }))?.practiceCount).toBe(40 + 1);

  // And the survivor stops cleanly on SIGTERM.
  survivor.child.kill('SIGTERM');
  expect(await survivor.exited).toBe(0);
  expect(survivor.output()).toContain('stopped');
});
