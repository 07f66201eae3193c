// The worker process (`npm run worker`'s script, real grading processes, real sandbox) against
// answers that attacked it: a Bash answer whose `docker ps --filter` pattern made the relay throw
// (the worker died, and every restart with it), and one whose `--format` template froze the event
// loop (leases unrenewed, SIGTERM ignored, everyone's answers stuck). Whatever the harness makes of
// them now, the worker stays up, never blames itself (INFRA_ERROR), grades a neighbour's answer,
// and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions } from './support/gradable-questions';

const THROWS = '#!/bin/bash\ndocker ps --filter "name=("\n';
const FREEZES = `#!/bin/bash\ndocker ps --format "{{${' '.repeat(3_000)}"\n`;
const WRITTEN = 'A canary release sends 5% of traffic to the new version, compares error rate and latency with the baseline, and rolls back by shifting traffic back.';
const TERMINAL = ['PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR'];

let worker: { child: ChildProcess; output: () => string; exited: Promise<number | null> } | null = null;

beforeEach(() => resetDatabase());

afterEach(async () => {
  if (worker && worker.child.exitCode === null && worker.child.signalCode === null) {
    worker.child.kill('SIGKILL');
    await worker.exited;
  }
  worker = null;
});

function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'worker.ts')], {
    env: {
      ...process.env,
      WORKER_CONCURRENCY: '2',
      WORKER_POLL_MS: '200',
      WORKER_LEASE_MS: '5000',
      WORKER_GRADER_STALL_MS: '8000',
      WORKER_STOP_GRACE_MS: '2000',
      // Worker logs are silent under tests by default; this test reads them.
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  worker = { child, output: () => output, exited };
  return worker;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${worker?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('survives answers that crashed and froze it, grades a neighbour meanwhile, and stops on SIGTERM', { timeout: 180_000 }, async () => {
  const questions = await createGradableQuestions();
  const users = await Promise.all(['a', 'b', 'c'].map((name) => prisma.user.create({ data: { email: `${name}@example.com` }, select: { id: true } })));
  const actor = (i: number) => ({ id: users[i]!.id, role: 'CANDIDATE' as const });
  const running = startWorker();
  await until(async () => running.output(), (out) => out.includes('ready'), 60_000, 'the worker to start');

  const throws = await createAttempt({ actor: actor(0), input: { questionId: questions.bash, answer: THROWS } });
  const freezes = await createAttempt({ actor: actor(1), input: { questionId: questions.bash, answer: FREEZES } });
  const benign = await createAttempt({ actor: actor(2), input: { questionId: questions.written, answer: WRITTEN } });

  const read = (id: string) => prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, result: true, job: { select: { workerId: true, crashes: true } } } });
  const settled = (id: string, what: string) => until(() => read(id), (a) => TERMINAL.includes(a.status), 150_000, what);

  expect((await settled(benign.id, 'the neighbour')).status).toMatch(/^(PASSED|FAILED)$/);
  for (const [id, what] of [[throws.id, 'the throwing answer'], [freezes.id, 'the freezing answer']] as const) {
    const attempt = await settled(id, what);
    // ERROR when it still crashes or freezes the grader (twice); FAILED once the harness holds.
    expect(attempt.status).toMatch(/^(ERROR|FAILED)$/);
    expect(attempt.job?.workerId).toContain(`:${running.child.pid}:`);
  }
  expect(running.child.exitCode).toBeNull();

  running.child.kill('SIGTERM');
  expect(await running.exited).toBe(0);
  expect(running.output()).toContain('stopped');
});
