// A wall-time limit that stretches on a busy host (SandboxSpec.stretchWallOnBusyHost): extended
// by the time tasks waited for a CPU while the jail ran, never past the cap; a plain limit is not
// extended however busy the host is. The host is made busy with more CPU burners than CPUs.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { readHostCpuStallMs } from '@/grading/sandbox/host-cpu-stall';

const driver = createBwrapDriver();
let burners: ChildProcess[] = [];

function burnEveryCpu() {
  burners = Array.from({ length: os.availableParallelism() * 2 }, () => spawn('/usr/bin/python3', ['-c', 'while True: pass'], { stdio: 'ignore' }));
}

afterEach(() => {
  for (const burner of burners) burner.kill('SIGKILL');
  burners = [];
});

async function timedSleep(stretch: number | undefined) {
  const started = performance.now();
  const result = await driver.run({ command: ['/bin/sleep', '30'], limits: { wallTimeMs: 800 }, stretchWallOnBusyHost: stretch });
  return { result, ms: performance.now() - started };
}

describe.runIf((await readHostCpuStallMs()) !== null)('a wall-time limit on a busy host', () => {
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
  });

  it('leaves a plain wall-time limit as it is, however busy the host', { timeout: 30_000 }, async () => {
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    burnEveryCpu();
    const plain = await timedSleep(undefined);
    expect(plain.result.killedBy).toBe('wall-time');
    expect(plain.ms).toBeLessThan(1_400);
  });
});
