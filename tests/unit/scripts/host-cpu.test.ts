import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { costStretch, hostBusyMs, hostSpeedMs, waitForQuiet } from '../../../scripts/lib/host-cpu';

// Burns the CPU of this thread for `ms` of wall time.
function spin(ms: number) {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}

describe('host CPU accounting for the benchmarks', () => {
  it('counts the busy time of this process among the whole host', () => {
    const before = hostBusyMs();
    spin(200);
    // The kernel counts in ticks of 10 ms; 200 ms of spinning is at least 150 ms of one core.
    expect(hostBusyMs() - before).toBeGreaterThanOrEqual(150);
  });

  it('gives the cost per operation of a stretch, with the baseline taken out', () => {
    const stop = costStretch(0);
    spin(200);
    expect(stop(4)).toBeGreaterThanOrEqual(150 / 4);
    // A baseline of every core busy for the whole stretch leaves nothing to count.
    const busyBaseline = costStretch(os.cpus().length);
    spin(100);
    expect(busyBaseline(1)).toBe(0);
  });

  it('waits for a busy machine to settle, and says when it did not', async () => {
    // A baseline of every core busy: any 500 ms window counts as quiet at once.
    const settled = await waitForQuiet(os.cpus().length);
    expect(settled.quiet).toBe(true);
    expect(settled.waitedMs).toBeLessThan(5_000);
    // Below zero nothing is ever quiet enough: it gives up at maxMs.
    const busy = await waitForQuiet(-1, 1_000);
    expect(busy.quiet).toBe(false);
    expect(busy.waitedMs).toBeGreaterThanOrEqual(1_000);
  });

  it('times a fixed piece of work on every core', async () => {
    const ms = await hostSpeedMs(1);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
