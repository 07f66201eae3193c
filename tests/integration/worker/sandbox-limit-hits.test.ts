// rehearse_sandbox_limit_hits_total where it is exported, although sandbox runs happen in grading
// processes and runners that export no metrics (docs/decisions/015, addendum of 2026-12-04): real
// answers that hit a limit in the real sandbox, graded
// - by a worker's own grading processes, then scraped from the worker's /metrics;
// - by a runner (the real `scripts/runner.ts` process), the counts riding on its reply;
// - by Run before Submit in the web process (its own grading processes), scraped from /metrics;
// and a runner's relay: at most MAX_LIMIT_HITS a name per reply, the rest on the next one, and
// counts it relayed to a client in its own process never sent back again.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as metricsRoute } from '@/app/metrics/route';
import type { GradeResult } from '@/grading/contract';
import { onSandboxLimitHits, reportSandboxLimitHits, type LimitHits } from '@/grading/sandbox/sandbox-events';
import { serveRunner } from '@/runner/serve-runner';
import { createAttempt } from '@/server/attempts/create-attempt';
import { prisma } from '@/server/db';
import { serveWorkerMetrics } from '@/server/observability/serve-worker-metrics';
import { runVisibleTests } from '@/server/runs/run-visible-tests';
import { createRunnerClient, type RunnerClient } from '@/worker/create-runner-client';
import { MAX_LIMIT_HITS } from '@/worker/grader-messages';
import { runWorker } from '@/worker/run-worker';
import { prepareRunner, spawnRunner, type RunnerSetup } from '../../../scripts/lib/spawn-runner';
import { resetDatabase } from '../../support/reset-database';
import { createGradableQuestions, PYTHON, reference } from './support/gradable-questions';

const TOKEN = vi.hoisted(() => {
  const token = 'test-limit-hits-token-0123456789';
  process.env.METRICS_TOKEN = token;
  return token;
});

// The reference solution, which first asks for 3 GiB: the jail's memory limit ends it.
const MEMORY_HOG = `${reference(PYTHON, 'reference.py')}\n_hoard = bytearray(3 * 1024 ** 3)\n`;
// A deploy script that prints 3 MB: each scenario's output is cut at its cap.
const LOUD = "#!/bin/bash\nhead -c 3000000 /dev/zero | tr '\\0' 'x'\n";

let dir: string;
let questions: Awaited<ReturnType<typeof createGradableQuestions>>;
let userId: string;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The counter's value for one limit in a scrape (0 when it has no sample yet).
function hits(text: string, limit: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`rehearse_sandbox_limit_hits_total{limit="${limit}"} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function scrapeWorker(): Promise<string> {
  const server = await serveWorkerMetrics({ port: 0, host: '127.0.0.1', token: TOKEN });
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return await response.text();
  } finally {
    await server.close();
  }
}

async function scrapeWeb(): Promise<string> {
  const response = await metricsRoute(new Request('http://localhost/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(response.status).toBe(200);
  return response.text();
}

async function gradeWithWorker(runner: RunnerClient | undefined, questionId: string, answer: string) {
  const controller = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const done = runWorker({ signal: controller.signal, concurrency: 1, pollMs: 200, leaseMs: 5_000, runner, log: () => {}, onReady: ready });
  await Promise.race([isReady, done]);
  try {
    const { id } = await createAttempt({ actor: { id: userId, role: 'CANDIDATE' }, input: { questionId, answer } });
    const read = () => prisma.attempt.findUniqueOrThrow({ where: { id }, select: { status: true } });
    return (await until(read, (a) => !['QUEUED', 'RUNNING'].includes(a.status), 90_000, 'the answer to be graded')).status;
  } finally {
    controller.abort();
    await done;
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-limit-hits-'));
});
afterAll(async () => {
  // Run before Submit's grading processes (src/server/runs/run-pool.ts keeps them on globalThis).
  const runs = (globalThis as { rehearseRunPool?: { pool: Promise<{ close?: () => Promise<void> }> | null } }).rehearseRunPool;
  await (await runs?.pool?.catch(() => null))?.close?.();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase();
  questions = await createGradableQuestions();
  userId = (await prisma.user.create({ data: { email: 'limits@example.com' }, select: { id: true } })).id;
});

describe('rehearse_sandbox_limit_hits_total', () => {
  it("counts a limit hit in a worker's own grading process on the worker's /metrics", { timeout: 120_000 }, async () => {
    const before = hits(await scrapeWorker(), 'memory');
    expect(await gradeWithWorker(undefined, questions.python, MEMORY_HOG)).toBe('ERROR');
    expect(hits(await scrapeWorker(), 'memory')).toBeGreaterThanOrEqual(before + 1);
  });

  it("counts a limit hit in a runner's grading process on the worker's /metrics, carried by the runner's reply", { timeout: 150_000 }, async () => {
    const setup: RunnerSetup = prepareRunner(path.join(dir, 'runner'));
    const runner: ChildProcess = spawnRunner(setup, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    runner.stdout?.on('data', (chunk) => (output += chunk));
    runner.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => runner.once('exit', resolve));
    try {
      await until(async () => output, (out) => out.includes('runner ready') || runner.exitCode !== null, 60_000, 'the runner');
      expect(runner.exitCode, output).toBeNull();
      const client = createRunnerClient({ url: setup.url, token: readFileSync(setup.tokenFile, 'utf8').trim(), timeoutMs: 60_000 });
      const before = hits(await scrapeWorker(), 'output');
      expect(await gradeWithWorker(client, questions.bash, LOUD)).toBe('FAILED');
      expect(hits(await scrapeWorker(), 'output')).toBeGreaterThanOrEqual(before + 1);
    } finally {
      runner.kill('SIGKILL');
      await exited;
    }
  });

  it("counts a limit hit of Run before Submit on the web process's /metrics", { timeout: 120_000 }, async () => {
    const before = hits(await scrapeWeb(), 'memory');
    const result = await runVisibleTests({ actor: { id: userId, role: 'CANDIDATE' }, input: { questionId: questions.python, answer: MEMORY_HOG } });
    expect(result.status).toBe('error');
    expect(hits(await scrapeWeb(), 'memory')).toBeGreaterThanOrEqual(before + 1);
  });
});

describe("a runner's relay of limit hits", () => {
  it('sends at most MAX_LIMIT_HITS a name per reply, keeps the rest for the next, and never sends back what it relayed', async () => {
    const result: GradeResult = { status: 'failed', score: 0, message: '', tests: [], advice: [], gradedVersion: 'harness:x@1', durationMs: 1 };
    let report: LimitHits | null = { memory: MAX_LIMIT_HITS + 500, output: 2 };
    // A pool whose grading process reported its runs' limit hits during the first grading only.
    const pool = {
      grade: async () => {
        if (report) reportSandboxLimitHits(report);
        report = null;
        return result;
      },
    };
    const token = 'relay-token-0123456789abcdef';
    const server = await serveRunner({ address: { path: path.join(dir, 'relay.sock') }, token, pool, concurrency: 1, log: () => {} });
    const relayed: LimitHits[] = [];
    const stop = onSandboxLimitHits((h, { relayed: isRelayed }) => {
      if (isRelayed) relayed.push(h);
    });
    try {
      const client = createRunnerClient({ url: `unix:${path.join(dir, 'relay.sock')}`, token });
      for (let i = 0; i < 3; i++) expect(await client.grade({})).toEqual(result);
      expect(relayed).toEqual([{ memory: MAX_LIMIT_HITS, output: 2 }, { memory: 500 }]);
    } finally {
      stop();
      await server.close(0);
    }
  });
});
