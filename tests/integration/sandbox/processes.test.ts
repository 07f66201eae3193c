// Attack: fork bombs and survivors. Each run has its own pids cgroup (not RLIMIT_NPROC, which
// counts every run of the sandbox user together), so a bomb is stopped in its own run and the
// next grading does not notice; nothing a run starts outlives it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

const driver = createBwrapDriver();
const BOMB = 'bomb() { bomb | bomb & }; bomb; sleep 30';

function hostProcessesWith(marker: string) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
}

describe('process limits', () => {
  // "Well under" its 10 s wall limit: the pids watch ends a bomb in about 70 ms on a quiet host,
  // but a loaded CI host has taken just over a second (1,024 ms), jail start-up included.
  it('stops a fork bomb by its process limit, well before its wall limit, while a concurrent run still succeeds', async () => {
    const [bomb, neighbour] = await Promise.all([
      driver.run({ command: ['/bin/bash', '-c', BOMB], limits: { wallTimeMs: 10_000 } }),
      driver.run({ command: ['/bin/bash', '-c', 'sleep 0.3; for i in $(seq 20); do /bin/true & done; wait; echo neighbour-ok'] }),
    ]);
    expect(bomb.killedBy).toBe('processes');
    expect(bomb.durationMs).toBeLessThan(3_000);
    expect(neighbour.exitCode).toBe(0);
    expect(neighbour.stdout).toBe('neighbour-ok\n');
  });

  it('leaves nothing running after the run: daemons and double-forked children are gone', async () => {
    const marker = `${Math.floor(Math.random() * 1e9)}`;
    const result = await driver.run({
      command: ['/bin/bash', '-c', `setsid bash -c '(sleep 1${marker} &) ; sleep 2${marker}' >/dev/null 2>&1 < /dev/null & nohup sleep 3${marker} >/dev/null 2>&1 & disown; echo started`],
    });
    expect(result.stdout).toBe('started\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hostProcessesWith(marker)).toEqual([]);
  });

  it('removes the run\'s cgroup afterwards', async () => {
    const parent = '/sys/fs/cgroup/pids/rehearse';
    const list = () => {
      try {
        return readdirSync(parent).filter((n) => !n.includes('.') && !['tasks', 'notify_on_release'].includes(n));
      } catch {
        return [];
      }
    };
    const before = new Set(list());
    const run = driver.run({ command: ['/bin/bash', '-c', 'sleep 1'] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const during = list().filter((n) => !before.has(n));
    const pidsMax = during.map((n) => readFileSync(`${parent}/${n}/pids.max`, 'utf8').trim());
    const result = await run;
    expect(result.notes.filter((n) => n.startsWith('cgroups unavailable'))).toEqual([]);
    expect(pidsMax).toEqual(['64']);
    expect(list().filter((n) => during.includes(n))).toEqual([]);
  });

  it('without cgroups, still contains a fork bomb to its own run and says limits are degraded', async () => {
    const degraded = createBwrapDriver({ useCgroups: false });
    const [bomb, neighbour] = await Promise.all([
      degraded.run({ command: ['/bin/bash', '-c', BOMB], limits: { wallTimeMs: 1_500 } }),
      degraded.run({ command: ['/bin/bash', '-c', 'sleep 0.3; for i in $(seq 20); do /bin/true & done; wait; echo neighbour-ok'] }),
    ]);
    expect(bomb.timedOut).toBe(true);
    expect(bomb.notes.join()).toContain('cgroups unavailable');
    expect(neighbour.stdout).toBe('neighbour-ok\n');
  });
});
