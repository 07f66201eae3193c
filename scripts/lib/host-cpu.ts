// The whole machine's busy CPU time (every process: the app, its database, the grader's jails,
// the benchmark's own client), for a benchmark to say what one operation costs the host. On two
// cores, work done back to back cannot go faster than (CPU per operation) / 2, however it is
// ordered, so this figure says whether a latency goal is a latency or a throughput problem.
import os from 'node:os';

// Busy milliseconds summed over every core since boot (os.cpus(): user, nice, sys, irq).
export function hostBusyMs() {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

// The host's busy ms per wall ms while nothing is being measured: other work on a shared machine
// (and the idle app's own timers), subtracted from what a measured stretch costs. The quietest of
// a few samples, so an app still settling after start-up does not count as the baseline.
export async function idleBusyRate(samples = 5, sampleMs = 400) {
  let lowest = Infinity;
  for (let i = 0; i < samples; i++) {
    const busy = hostBusyMs();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    lowest = Math.min(lowest, (hostBusyMs() - busy) / (performance.now() - started));
  }
  return lowest;
}

// A stretch of work to cost: `stop(count)` gives its busy ms per operation, idle baseline
// subtracted (never below 0).
export function costStretch(baselineRate: number) {
  const busy = hostBusyMs();
  const started = performance.now();
  return (count: number) => Math.max(0, hostBusyMs() - busy - baselineRate * (performance.now() - started)) / count;
}
