// The whole machine's busy CPU time (every process: the app, its database, the grader's jails,
// the benchmark's own client), for a benchmark to say what one operation costs the host. On two
// cores, work done back to back cannot go faster than (CPU per operation) / 2, however it is
// ordered, so this figure says whether a latency goal is a latency or a throughput problem.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

// Busy milliseconds summed over every core since boot (os.cpus(): user, nice, sys, irq).
export function hostBusyMs() {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

// The host's busy ms per wall ms over the next `ms`.
async function busyRateOver(ms: number) {
  const busy = hostBusyMs();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (hostBusyMs() - busy) / (performance.now() - started);
}

// The host's busy ms per wall ms while nothing is being measured: other work on a shared machine
// (and the idle app's own timers), subtracted from what a measured stretch costs. The quietest of
// a few samples, so an app still settling after start-up does not count as the baseline.
export async function idleBusyRate(samples = 5, sampleMs = 400) {
  let lowest = Infinity;
  for (let i = 0; i < samples; i++) lowest = Math.min(lowest, await busyRateOver(sampleMs));
  return lowest;
}

// Waits until the machine is back near its idle baseline (two 500 ms windows in a row busy at
// most 0.15 of a core above it: one could fall between two bursts), for at most `maxMs`: an app
// answers its first page before it has finished starting (its grading processes warm up for
// about 3 s more, both cores busy), and a benchmark that starts then measures its first figures
// against that. Returns the ms waited and whether the machine did settle.
export async function waitForQuiet(baselineRate: number, maxMs = 30_000) {
  const started = performance.now();
  let quietWindows = 0;
  for (;;) {
    const rate = await busyRateOver(500);
    const waited = performance.now() - started;
    quietWindows = rate <= baselineRate + 0.15 ? quietWindows + 1 : 0;
    if (quietWindows === 2) return { waitedMs: waited, quiet: true };
    if (waited >= maxMs) return { waitedMs: waited, quiet: false };
  }
}

// A stretch of work to cost: `stop(count)` gives its busy ms per operation, idle baseline
// subtracted (never below 0).
export function costStretch(baselineRate: number) {
  const busy = hostBusyMs();
  const started = performance.now();
  return (count: number) => Math.max(0, hostBusyMs() - busy - baselineRate * (performance.now() - started)) / count;
}

// How fast the machine's CPUs are right now: milliseconds for a fixed piece of work (a chain of
// 100,000 SHA-256 hashes) run on every core at once (one thread each), the slowest core's time,
// the quickest of `rounds`. Every core at once, since a grading uses both and a neighbour on a
// shared host may slow one of them only. On the shared 2-core virtual machines these benchmarks
// run on, it read from 145 to 259 ms within an hour, the machine otherwise idle
// (2026-12-06): printed beside a benchmark's figures, it tells a slow stretch of the host from a
// slow program (not every one: memory and cache contention can slow a grading more than this).
const SPEED_WORK = `const { createHash } = require('node:crypto');
const started = performance.now();
let block = Buffer.alloc(1024);
for (let i = 0; i < 100000; i++) block = createHash('sha256').update(block).digest();
require('node:worker_threads').parentPort.postMessage(performance.now() - started);`;

export async function hostSpeedMs(rounds = 3) {
  let quickest = Infinity;
  for (let round = 0; round < rounds; round++) {
    const times = await Promise.all(
      Array.from(
        { length: os.availableParallelism() },
        () =>
          new Promise<number>((resolve, reject) => {
            const worker = new Worker(SPEED_WORK, { eval: true });
            worker
              .once('message', (ms: number) => resolve(ms))
              .once('error', reject)
              .once('exit', (code) => reject(new Error(`the speed probe's thread exited (${code}) without a time`)));
          }),
      ),
    );
    quickest = Math.min(quickest, Math.max(...times));
  }
  return quickest;
}
