// What a jail is built from on the host: one home folder per driver (prepare-sandbox-home.ts).
// A run leaves nothing of its own behind in it, a dead grader's home is swept by its pid, and a
// live one's is left alone.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { prepareSandboxHome, SANDBOX_HOME_PREFIX } from '@/grading/sandbox/prepare-sandbox-home';
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
  expect(readdirSync(path.join(os.tmpdir(), home!, 'jail'))).toEqual([]);
  expect(readdirSync(path.join(os.tmpdir(), home!, 'etc'))).toEqual(expect.arrayContaining(['group', 'passwd']));
});

it('builds the jails\' /etc only from entries directly in the host\'s /etc, and leaves nothing when a copy fails', async () => {
  const before = readdirSync(tmpDir).length;
  for (const entry of ['/etc/../root/.bashrc', '/etc/ld.so.conf.d/../../root', '/etc/passwd', '/tmp/x']) {
    await expect(prepareSandboxHome(null, null, [entry], tmpDir)).rejects.toThrow(/not a host \/etc entry/);
  }
  // An entry gone by the time it is copied (a package being removed): its own error, not one from
  // removing a folder another copy was still writing into, and no folder left behind.
  await expect(prepareSandboxHome(null, null, ['/etc/alternatives', '/etc/rehearse-no-such-entry'], tmpDir)).rejects.toThrow(/ENOENT/);
  expect(readdirSync(tmpDir)).toHaveLength(before);
  const home = await prepareSandboxHome(null, null, ['/etc/ld.so.conf'], tmpDir);
  expect(readdirSync(home.etcDir).sort()).toEqual(['group', 'ld.so.conf', 'passwd']);
  expect(statSync(home.etcDir).mode & 0o777).toBe(0o755);
});

it('sweeps the home folder of a grader that is gone, not that of a live one', async () => {
  const gone = path.join(tmpDir, `${SANDBOX_HOME_PREFIX}${DEAD_PID}-abc123`);
  const live = path.join(tmpDir, `${SANDBOX_HOME_PREFIX}${process.pid}-def456`);
  for (const dir of [gone, live]) mkdirSync(path.join(dir, 'jail', 'system'), { recursive: true });
  const report = await sweepLeftovers({ tmpDirs: [tmpDir], cgroupName: 'rehearse-home-folder-test' });
  expect(report.dirs).toEqual([gone]);
  expect([existsSync(gone), existsSync(live)]).toEqual([false, true]);
});
