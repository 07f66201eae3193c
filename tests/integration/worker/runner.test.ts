// The runner without secrets (docs/decisions/015): the real `scripts/runner.ts` process, started
// the way `npm start` starts it, the real sandbox, a worker in this process sending it code answers.
// - a Python answer graded through the runner, a written one in the worker's own processes;
// - the runner's own environment (/proc/<pid>/environ) holds none of the secrets its parent had;
// - it refuses to serve (exit 3, saying why) when a protection is off;
// - the runner SIGKILLed mid-grading loses nothing: the job waits, a new runner grades it once.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { createRunnerClient, type RunnerClient } from '@/worker/create-runner-client';
import { runWorker } from '@/worker/run-worker';
import { prepareRunner, spawnRunner, type RunnerSetup } from '../../../scripts/lib/spawn-runner';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions, PYTHON, reference } from './support/gradable-questions';

const SECRETS = {
  DATABASE_URL: 'postgres://rehearse:db-password-in-parent@127.0.0.1:5432/rehearse',
  AUTH_SECRET: 'auth-secret-in-parent-0123456789',
  SMTP_URL: 'smtp://mailer:smtp-password-in-parent@127.0.0.1:2525',
  METRICS_TOKEN: 'metrics-token-in-parent',
  GRADER_LLM_API_KEY: 'judge-key-in-parent',
  SOME_PROVIDER_SECRET: 'a-secret-added-later',
};

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const started: Started[] = [];

function track(child: ChildProcess): Started {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, output: () => output, exited };
  started.push(run);
  return run;
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${started.map((s) => s.output()).join('\n---\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let dir: string;
let setup: RunnerSetup;
let client: RunnerClient;

async function startRunner(): Promise<Started> {
  const runner = track(spawnRunner(setup, { env: { ...process.env, ...SECRETS }, stdio: ['ignore', 'pipe', 'pipe'] }));
  await until(() => runner.output(), (out) => out.includes('runner ready') || runner.child.exitCode !== null, 60_000, 'the runner');
  expect(runner.child.exitCode).toBeNull();
  return runner;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-runner-'));
  setup = prepareRunner(path.join(dir, 'runner'));
  client = createRunnerClient({ url: setup.url, token: readFileSync(setup.tokenFile, 'utf8').trim(), timeoutMs: 60_000 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const { child, exited } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
});

describe('the runner serving a worker', () => {
  let questions: Awaited<ReturnType<typeof createGradableQuestions>>;
  let userId: string;
  beforeEach(async () => {
    await resetDatabase();
    questions = await createGradableQuestions();
    userId = (await prisma.user.create({ data: { email: 'runner@example.com' }, select: { id: true } })).id;
  });

  async function withWorker<T>(work: () => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const logs: string[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const done = runWorker({ signal: controller.signal, concurrency: 1, pollMs: 200, leaseMs: 5_000, runner: client, log: (l) => logs.push(l), onReady: ready });
    await Promise.race([isReady, done]);
    try {
      return await work();
    } finally {
      controller.abort();
      await done;
    }
  }

  const attempt = (id: string) => prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, result: true, job: { select: { state: true, tries: true, crashes: true } } } });
  const submit = (questionId: string, answer: string) => createAttempt({ actor: { id: userId, role: 'CANDIDATE' }, input: { questionId, answer } });

  it('grades a code answer in a runner whose own environment holds none of its parent’s secrets', { timeout: 120_000 }, async () => {
    const runner = await startRunner();
    const environ = readFileSync(`/proc/${runner.child.pid}/environ`, 'utf8').split('\0').filter(Boolean);
    const names = environ.map((entry) => entry.slice(0, entry.indexOf('=')));
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(names).not.toContain(name);
      expect(environ.join('\n')).not.toContain(value);
    }
    expect(names).toEqual(expect.arrayContaining(['RUNNER_URL', 'RUNNER_TOKEN_FILE', 'PATH']));
    // The token itself is not in the environment either: it is read from a 0600 file.
    expect(environ.join('\n')).not.toContain(readFileSync(setup.tokenFile, 'utf8').trim());

    await withWorker(async () => {
      const { id } = await submit(questions.python, reference(PYTHON, 'reference.py'));
      const graded = await until(() => attempt(id), (a) => !['QUEUED', 'RUNNING'].includes(a.status), 90_000, 'the Python answer');
      expect(graded.status).toBe('PASSED');
      expect(graded.result).toMatchObject({ status: 'passed', score: 100 });
    });
    expect(runner.child.exitCode).toBeNull();
  });

  it('a runner SIGKILLed mid-grading loses nothing: the job goes back to the queue and a new runner grades it once', { timeout: 150_000 }, async () => {
    const first = await startRunner();
    // The reference solution whose first call sleeps 1.5 s: the runner is still grading when killed.
    const slow = `${reference(PYTHON, 'reference.py')}

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
    await withWorker(async () => {
      const { id } = await submit(questions.python, slow);
      await until(() => attempt(id), (a) => a.status === 'RUNNING', 60_000, 'the worker to claim the job');
      // Let the request reach the runner's grading process.
      await new Promise((resolve) => setTimeout(resolve, 500));
      first.child.kill('SIGKILL');
      await first.exited;
      // Back in the queue, no try spent, not blamed on the answer.
      const waiting = await until(() => attempt(id), (a) => a.status === 'QUEUED', 30_000, 'the job to go back to the queue');
      expect(waiting.job).toMatchObject({ state: 'QUEUED', crashes: 0 });
      expect(await client.ping()).toBe(false);

      await startRunner();
      const graded = await until(() => attempt(id), (a) => !['QUEUED', 'RUNNING'].includes(a.status), 90_000, 'the answer graded by the new runner');
      expect(graded.status).toBe('PASSED');
      expect(graded.job).toMatchObject({ state: 'DONE', tries: 1, crashes: 0 });
    });
  });

  it('answers nobody without the token', { timeout: 90_000 }, async () => {
    await startRunner();
    expect(await client.ping()).toBe(true);
    const stranger = createRunnerClient({ url: setup.url, token: 'not-the-token-0123456789' });
    expect(await stranger.ping()).toBe(false);
    await expect(stranger.grade({ kind: 'python', answer: 'print(1)', harness: { name: 'python-compare-manifests', version: 1 } })).rejects.toThrow(/refused.*token/i);
  });
});

describe('the runner refuses to serve when a protection is off', () => {
  const runDirect = (env: Record<string, string | undefined>, options: { uid?: number; gid?: number } = {}) =>
    track(spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'runner.ts')], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], ...options }));

  it('with a secret in its own environment: exits 3 naming the variable, never its value', { timeout: 60_000 }, async () => {
    const runner = runDirect({ PATH: process.env.PATH, HOME: os.tmpdir(), RUNNER_URL: `unix:${path.join(dir, 'refused.sock')}`, RUNNER_TOKEN_FILE: setup.tokenFile, DATABASE_URL: SECRETS.DATABASE_URL });
    expect(await runner.exited).toBe(3);
    expect(runner.output()).toMatch(/refusing to serve: .*remove DATABASE_URL from the runner's environment/);
    expect(runner.output()).not.toContain(SECRETS.DATABASE_URL);
    expect(runner.output()).not.toContain('runner ready');
  });

  it('with a setting it does not know (REHEARSE_NATIVE_HELPERS=maybe): exits 3 saying what it takes', { timeout: 60_000 }, async () => {
    const runner = runDirect({ PATH: process.env.PATH, HOME: os.tmpdir(), RUNNER_URL: `unix:${path.join(dir, 'refused.sock')}`, RUNNER_TOKEN_FILE: setup.tokenFile, REHEARSE_NATIVE_HELPERS: 'maybe' });
    expect(await runner.exited).toBe(3);
    expect(runner.output()).toMatch(/refusing to serve: REHEARSE_NATIVE_HELPERS: REHEARSE_NATIVE_HELPERS is on or off/);
    expect(runner.output()).not.toContain('runner ready');
  });

  it('as a user that cannot make cgroups (no limits for the jails): exits 3 saying so', { timeout: 60_000 }, async () => {
    // The runner runs as nobody here, with no cgroup delegated to it.
    const own = mkdtempSync(path.join(os.tmpdir(), 'rehearse-runner-nobody-'));
    writeFileSync(path.join(own, 'token'), 'a-token-of-nobody-0123456789\n', { mode: 0o600 });
    chownSync(own, 65534, 65534);
    chownSync(path.join(own, 'token'), 65534, 65534);
    try {
      const runner = runDirect({ PATH: process.env.PATH, HOME: own, RUNNER_URL: `unix:${path.join(own, 'r.sock')}`, RUNNER_TOKEN_FILE: path.join(own, 'token') }, { uid: 65534, gid: 65534 });
      expect(await runner.exited).toBe(3);
      expect(runner.output()).toMatch(/refusing to serve: .*cgroup/);
      expect(runner.output()).not.toContain('runner ready');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
