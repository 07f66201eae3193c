// A runner's queue (src/runner/serve-runner.ts) skips a request whose sender gave up while it
// waited for a slot: a run that the web process already answered "busy", or a worker's grading
// past its client timeout (the worker retries it later). Grading it anyway took a slot from those
// still waiting and made a result nobody read. The real socket server and client; the pool is a
// stand-in whose gradings end when the test says, so the queue's order is what is tested.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { serveRunner } from '@/runner/serve-runner';
import { createRunnerClient } from '@/worker/create-runner-client';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-runner-queue-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resultFor = (name: string): GradeResult => ({ status: 'passed', score: 100, message: name, tests: [], advice: [], gradedVersion: 'harness:x@1', durationMs: 1 });

it('does not grade a request whose sender hung up while it waited for a slot', async () => {
  const graded: string[] = [];
  const releases: (() => void)[] = [];
  const pool = {
    grade: async (request: unknown) => {
      const name = (request as { name: string }).name;
      graded.push(name);
      await new Promise<void>((resolve) => releases.push(resolve));
      return resultFor(name);
    },
  };
  const logged: string[] = [];
  const token = 'queue-token-0123456789abcdef';
  const socketPath = path.join(dir, 'queue.sock');
  const server = await serveRunner({ address: { path: socketPath }, token, pool, concurrency: 1, log: (line) => logged.push(line) });
  try {
    const patient = createRunnerClient({ url: `unix:${socketPath}`, token, timeoutMs: 30_000 });
    const hasty = createRunnerClient({ url: `unix:${socketPath}`, token, timeoutMs: 1_000 });
    const first = patient.grade({ name: 'first' });
    await expect.poll(() => graded).toEqual(['first']);
    // Waits behind "first", gives up after 1 s (time enough to reach the runner on a busy machine);
    // "third" queues behind it and still waits.
    const gaveUp = hasty.grade({ name: 'gave-up' });
    await expect(gaveUp).rejects.toThrow(/did not answer within/);
    const third = patient.grade({ name: 'third' });
    await new Promise((resolve) => setTimeout(resolve, 100));

    releases.shift()!();
    expect((await first).message).toBe('first');
    await expect.poll(() => graded).toEqual(['first', 'third']);
    releases.shift()!();
    expect((await third).message).toBe('third');
    expect(graded).toEqual(['first', 'third']);
    expect(logged).toContain('dropped a request whose sender hung up while it waited');
  } finally {
    for (const release of releases) release();
    await server.close(0);
  }
});
