// A wall-time limit that stretches on a busy host (SandboxSpec.stretchWallOnBusyHost): extended
// by the time tasks waited for a CPU while the jail ran, never past the cap, and not for a jail
// that kept a CPU busy itself; a plain limit is not extended however busy the host is. The same for the script timer of a scratch-tree scenario,
// which its supervisor keeps inside the jail. The host is made busy with more CPU burners than CPUs.
// A jail, or a scratch-tree script, kept off the CPU past the cap is starved: ours, graded again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { readHostCpuStallMs } from '@/grading/sandbox/host-cpu-stall';
import { findHarness } from '@/grading/harnesses/find-harness';
import { burnEveryCpu as startBurners } from './burn-every-cpu';

const driver = createBwrapDriver();
let stopBurners = () => {};
const burnEveryCpu = (perCpu = 2) => (stopBurners = startBurners(perCpu));

afterEach(() => stopBurners());

async function timedSleep(stretch: number | undefined) {
  const started = performance.now();
  const result = await driver.run({ command: ['/bin/sleep', '30'], limits: { wallTimeMs: 800 }, stretchWallOnBusyHost: stretch });
  return { result, ms: performance.now() - started };
}

describe.runIf(readHostCpuStallMs() !== null)('a wall-time limit on a busy host', () => {
  it('stretches by the CPU stall, up to its cap, and still ends the run as a timeout', { timeout: 30_000 }, async () => {
    // Warm up the driver outside the measurement.
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    burnEveryCpu();
    const stretched = await timedSleep(3);
    expect(stretched.result.killedBy).toBe('wall-time');
    expect(stretched.result.timedOut).toBe(true);
    // Every moment of the run had a task waiting for a CPU: stretched well past 800 ms, not past 3x.
    expect(stretched.ms).toBeGreaterThan(1_400);
    expect(stretched.ms).toBeLessThan(3 * 800 + 1_500);
    // The result says how long the run was given (what the candidate is told).
    expect(stretched.result.wallLimitMs).toBeGreaterThan(1_000);
    expect(stretched.result.wallLimitMs).toBeLessThanOrEqual(3 * 800);
  });

  // The host's stall is partly the jail's own doing when it spins: a longer limit would only give
  // a spinning answer more CPU to burn beside other gradings.
  it('does not stretch the limit of a jail that keeps a CPU busy itself', { timeout: 30_000 }, async () => {
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    // One burner per CPU: the host stalls all the time, and the jail still gets well over a fifth
    // of a CPU (about two thirds), so it is not starved, only busy.
    burnEveryCpu(1);
    const started = performance.now();
    const result = await driver.run({ command: ['/bin/sh', '-c', 'while :; do :; done'], limits: { wallTimeMs: 800 }, stretchWallOnBusyHost: 3 });
    expect(result.killedBy).toBe('wall-time');
    expect(result.wallLimitMs).toBe(800);
    expect(performance.now() - started).toBeLessThan(1_400);
  });

  // Starved, not hung: a jail whose processes are runnable but get almost no CPU (a driver at the
  // grading priority of `npm start`, nice 10, beside twelve nice-0 burners) until even the stretched
  // limit has run out. Its time says nothing about the answer, so the run is ours (an infra error,
  // graded again), never the candidate's timeout; the sleeping jail above, on the same busy host,
  // waited for no CPU and stays a timeout.
  it('ends a jail kept off the CPU past its stretched limit as starved: an infra error, not a timeout', { timeout: 30_000 }, async () => {
    const niced = createBwrapDriver({ nice: 10 });
    expect((await niced.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    burnEveryCpu(6);
    const result = await niced.run({ command: ['/bin/sh', '-c', 'while :; do :; done'], limits: { wallTimeMs: 800 }, stretchWallOnBusyHost: 2 });
    expect(result.killedBy).toBe('starved');
    expect(result.timedOut).toBe(false);
    expect(result.infraError).toMatch(/^the grading machine was too busy to time the answer: its jail waited for a CPU for most of its 0.8 s limit \(extended to 1.6 s\)/);
  });

  it('leaves a plain wall-time limit as it is, however busy the host', { timeout: 30_000 }, async () => {
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    burnEveryCpu();
    const plain = await timedSleep(undefined);
    expect(plain.result.killedBy).toBe('wall-time');
    expect(plain.ms).toBeLessThan(1_400);
    expect(plain.result.wallLimitMs).toBe(800);
  });

  // A scratch-tree question (log cleanup): every scenario's script waits forever without using
  // CPU, so each ends at its supervisor's script timer: 3 s on a quiet host, stretched here. (No
  // quiet run to compare with: PSI is the whole host's, so on a shared machine "quiet" is not.)
  it('stretches a scratch-tree script timer on a busy host, up to twice its 3 s', { timeout: 60_000 }, async () => {
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    burnEveryCpu();
    const started = performance.now();
    const outcome = await findHarness('bash-safe-log-cleanup')!.run('#!/bin/bash\n/usr/bin/sleep 30\n', driver);
    const ms = performance.now() - started;
    // Still judged a hang by the script timer (its message), after more than its plain 3 s could
    // have given (the jail's start-up included, a plain timer ended the grading by 4 s); the
    // candidate is told how long the script had and why.
    expect(outcome.kind).toBe('tests');
    const tests = outcome.kind === 'tests' ? outcome.tests : [];
    const given = tests.map((t) => /^timed out after ([\d.]+) s \(its 3 s limit, extended while the grading machine was busy\)/.exec(t.message ?? '')?.[1]).filter(Boolean);
    expect(given.length).toBeGreaterThan(0);
    for (const seconds of given) expect(Number(seconds)).toBeGreaterThan(3);
    for (const seconds of given) expect(Number(seconds)).toBeLessThanOrEqual(6);
    expect(ms).toBeGreaterThan(5_000);
    expect(ms).toBeLessThan(11_000);
  });

  // Its script timer follows the jail's rule: a script that kept a fifth of a CPU busy itself was
  // running, not starved, and gets its plain 3 s. No burners: the answer's own scenarios, spinning
  // side by side on this machine's cores, are what makes the host busy (PSI's stall is near 100 %
  // on 2 cores; on a machine with more cores than the question has scenarios there is little
  // stall, and this passes without the rule too).
  it('does not stretch a scratch-tree script timer for a script that spins', { timeout: 60_000 }, async () => {
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const outcome = await findHarness('bash-safe-log-cleanup')!.run('#!/bin/bash\nwhile :; do :; done\n', driver);
    expect(outcome.kind).toBe('tests');
    const messages = outcome.kind === 'tests' ? outcome.tests.map((t) => t.message ?? '') : [];
    expect(messages.some((m) => /^timed out after 3 s: /.test(m))).toBe(true);
    expect(messages.filter((m) => m.includes('extended'))).toEqual([]);
  });

  // Starved, not hung, at the script timer: the log-cleanup reference with a first step that
  // needs about 0.7 s of CPU and changes nothing (the reference passes every check in
  // bash-kit-questions.test.ts), graded by a driver at nice 10 whose jails are started (a grading
  // before, warm), with twelve nice-0 burners per core from a second in: the scripts have started
  // and then get a few percent of a CPU, so they wait for one nearly all the time and cannot finish
  // by the timer's 6 s cap. Each supervisor reads its script's run-queue wait and reports it
  // starved: an infra error (graded again) whose message has the script timer's limits (3 s,
  // extended to 6 s; the jail's own are 5 and 15), never the candidate's timeout. Before this,
  // each scenario reported "timed out after 6 s (its 3 s limit, extended …)".
  it('ends a correct scratch-tree script kept off the CPU past its timer\'s cap as starved: an infra error, not a timeout', { timeout: 90_000 }, async () => {
    const harness = findHarness('bash-safe-log-cleanup')!;
    const reference = readFileSync(path.join(process.cwd(), 'seeds/content/bash-safe-log-cleanup/reference.sh'), 'utf8');
    const answer = reference.replace('set -euo pipefail\n', 'set -euo pipefail\nfor ((warm = 0; warm < 600000; warm++)); do :; done\n');
    expect(answer).not.toBe(reference);
    const niced = createBwrapDriver({ nice: 10 });
    expect((await harness.run('#!/bin/bash\nexit 0\n', niced)).kind).toBe('tests');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const grading = harness.run(answer, niced);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    burnEveryCpu(6);
    const outcome = await grading;
    expect(outcome.kind).toBe('infra_error');
    expect(outcome.kind === 'infra_error' ? outcome.message : '').toMatch(/^the grading machine was too busy to time the answer: its jail waited for a CPU for most of its 3 s limit \(extended to 6 s\), so the run was stopped and the answer is graded again$/);
  });
});
