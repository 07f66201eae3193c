// What a jail is built from on the host: one home folder per driver (prepare-sandbox-home.ts).
// A run leaves nothing of its own behind in it, a dead grader's home is swept by its pid, and a
// live one's is left alone.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { SANDBOX_HOME_PREFIX } from '@/grading/sandbox/prepare-sandbox-home';
import { sweepLeftovers } from '@/grading/sandbox/sweep-leftovers';

const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'home-folder-test-'));
afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

// A pid no process has (pid_max is far below it).
const DEAD_PID = 2 ** 22 + 12_345;

it('keeps only the shared files between runs: no run folder, channel socket or files left after a run', async () => {
  const homes = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`${SANDBOX_HOME_PREFIX}${process.pid}-`));
  const before = new Set(homes());
  const driver = createBwrapDriver();
  const result = await driver.run({ command: ['/bin/cat', '/harness/a.txt'], files: [{ path: 'a.txt', content: 'hello' }], channel: (socket) => socket.end() });
  expect(result.stdout).toBe('hello');
  const home = homes().find((name) => !before.has(name));
  expect(home).toBeDefined();
  const jail = path.join(os.tmpdir(), home!, 'jail');
  expect(readdirSync(jail).sort()).toEqual(['etc']);
  expect(readdirSync(path.join(jail, 'etc'))).toEqual(expect.arrayContaining(['group', 'passwd']));
});

it('sweeps the home folder of a grader that is gone, not that of a live one', async () => {
  const gone = path.join(tmpDir, `${SANDBOX_HOME_PREFIX}${DEAD_PID}-abc123`);
  const live = path.join(tmpDir, `${SANDBOX_HOME_PREFIX}${process.pid}-def456`);
  for (const dir of [gone, live]) mkdirSync(path.join(dir, 'jail', 'system'), { recursive: true });
  const report = await sweepLeftovers({ tmpDirs: [tmpDir], cgroupName: 'rehearse-home-folder-test' });
  expect(report.dirs).toEqual([gone]);
  expect([existsSync(gone), existsSync(live)]).toEqual([false, true]);
});
