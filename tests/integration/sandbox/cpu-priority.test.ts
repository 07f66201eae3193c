// Jails yield the CPU as their driver does. `npm start` runs the runner at nice 10 so a submit is
// answered before grading (docs/decisions/022); a jail sits in a cgroup of its own, where its nice
// value does not rank it against the rest of the machine, so the cgroup carries the weight. Before
// that, a jail at nice 10 took half of a CPU from a nice-0 process beside it (an iteration ratio
// near 1 below); at the weight of nice 10 the host process gets about 9 times the jail's share.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { cgroupParentName, detectCgroups, jailCpuShares } from '@/grading/sandbox/detect-cgroups';
import { JAIL_CHANNEL_PATH } from '@/grading/sandbox/sandbox-driver';
import { startWarmJail } from '@/grading/sandbox/warm-jail';

// Busy until `end` (epoch seconds), counting loop iterations from `start`, on CPU 0 only so the
// two burners compete for one CPU whatever else the machine runs.
const BURNER = `
import os, sys, time
os.sched_setaffinity(0, {0})
start, end = float(sys.argv[1]), float(sys.argv[2])
n = 0
while True:
    now = time.time()
    if now >= end: break
    if now >= start: n += 1
print(n)
`;

// Connects to the jail's channel (as a warm jail's pid 1 does, or its claim finds no taker), then
// counts iterations on CPU 0 in two windows: before its claim and after it. Prints "before after".
const TWO_WINDOW_BURNER = `
import os, socket, sys, time
channel = socket.socket(socket.AF_UNIX)
channel.connect('${JAIL_CHANNEL_PATH}')
os.sched_setaffinity(0, {0})
counts = []
for start, end in ((float(sys.argv[1]), float(sys.argv[2])), (float(sys.argv[3]), float(sys.argv[4]))):
    n = 0
    while True:
        now = time.time()
        if now >= end: break
        if now >= start: n += 1
    counts.append(n)
print(*counts)
`;

function burnOnHost(start: number, end: number) {
  return new Promise<number>((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', BURNER, String(start), String(end)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(Number(out.trim())));
  });
}

describe('the CPU priority of jails', () => {
  it('gives each nice value its own parent cgroup with the kernel weight of that nice value', async () => {
    expect([0, 5, 10, 19, 40, -5].map(jailCpuShares)).toEqual([1024, 335, 110, 15, 15, 1024]);
    expect(cgroupParentName('rehearse', 10)).toBe('rehearse-nice-10');
    expect(cgroupParentName('rehearse', 0)).toBe('rehearse');
    expect(cgroupParentName('rehearse', -3)).toBe('rehearse');

    const support = await detectCgroups({ nice: 10 });
    if (support.version === 'v1') {
      expect(support.parents.cpu).not.toBeNull();
      expect(path.basename(support.parents.cpu!)).toBe('rehearse-nice-10');
      expect((await readFile(path.join(support.parents.cpu!, 'cpu.shares'), 'utf8')).trim()).toBe('110');
    } else if (support.version === 'v2') {
      expect(path.basename(support.parent)).toBe('rehearse-nice-10');
      if (support.hasCpu) expect((await readFile(path.join(support.parent, 'cpu.weight'), 'utf8')).trim()).toBe('11');
    } else {
      throw new Error(`cgroups are needed for this test: ${support.reason}`);
    }
  });

  it('a jail of a nice-10 driver yields a shared CPU to a nice-0 process', { timeout: 60_000 }, async () => {
    const driver = createBwrapDriver({ nice: 10 });
    // Warm up the driver (its cgroup parent, seccomp filter, launcher) outside the window.
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const start = Date.now() / 1000 + 1.5;
    const end = start + 2;
    const [jailed, host] = await Promise.all([
      driver.run({ command: ['/usr/bin/python3', '-I', '-c', BURNER, String(start), String(end)], limits: { wallTimeMs: 15_000, cpuTimeSeconds: 10 } }),
      burnOnHost(start, end),
    ]);
    expect(jailed.exitCode, jailed.stderr).toBe(0);
    const inJail = Number(jailed.stdout.trim());
    const ratio = host / Math.max(inJail, 1);
    console.log(`iterations on one CPU in 2 s: host (nice 0) ${host}, jail (driver at nice 10) ${inJail}: ratio ${ratio.toFixed(1)} (kernel weights 1024:110 = 9.3; equal weights = 1)`);
    expect(host).toBeGreaterThan(0);
    expect(ratio).toBeGreaterThan(3);
  });

  // The next grading's jails start while this one runs (warm-jail.ts); at the same weight they took
  // half the CPU from it on a busy host. Two burners on one CPU, one in a jail started ahead and
  // not yet claimed, one in a jail started at once: nice 19's weight against nice 0's until the
  // claim, equal after it. Alone, or in a group as a warm Bash set's jails are.
  it.each([{ group: undefined }, { group: 'ahead-of-claim-test' }])('a jail started ahead of its grading yields the CPU until it is claimed (group: $group)', { timeout: 60_000 }, async ({ group }) => {
    const driver = createBwrapDriver({ nice: 0 });
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const now = Date.now() / 1000;
    const windows = [now + 1.5, now + 3, now + 4.5, now + 6].map(String);
    const command = ['/usr/bin/python3', '-I', '-c', TWO_WINDOW_BURNER, ...windows];
    const limits = { wallTimeMs: 20_000, cpuTimeSeconds: 15 };
    const warm = startWarmJail(driver, { command, limits, ...(group ? { group } : {}) }, 60_000);
    const running = driver.run({ command, limits, channel: () => {} });
    // Claimed between the windows (a machine too busy to do that in time fails here, not below).
    await new Promise((resolve) => setTimeout(resolve, 3250 - (Date.now() - now * 1000)));
    expect(Date.now() / 1000, 'the claim came after the second window opened').toBeLessThan(now + 4.5);
    const claimed = await warm.claim({ wallTimeMs: 20_000, connect: () => {} });
    const started = await running;
    expect(claimed?.exitCode, claimed?.stderr).toBe(0);
    expect(started.exitCode, started.stderr).toBe(0);
    const [aheadBefore, aheadAfter] = claimed!.stdout.trim().split(' ').map(Number) as [number, number];
    const [atOnceBefore, atOnceAfter] = started.stdout.trim().split(' ').map(Number) as [number, number];
    const before = atOnceBefore / Math.max(aheadBefore, 1);
    const after = atOnceAfter / Math.max(aheadAfter, 1);
    console.log(`iterations on one CPU, jail started at once : jail started ahead: before the claim ${atOnceBefore} : ${aheadBefore} (ratio ${before.toFixed(1)}; weights 1024:15 in cgroup v1, 100:1 in v2), after it ${atOnceAfter} : ${aheadAfter} (ratio ${after.toFixed(2)}; equal weights)`);
    expect(atOnceBefore).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(4);
    expect(after).toBeGreaterThan(0.5);
    expect(after).toBeLessThan(2);
  });
});
