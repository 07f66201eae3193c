// What a crashed grader leaves behind is swept: per-run cgroups of a process that is gone (their
// jail processes killed, the cgroups removed), run dirs older than any run, and a grading process's
// own temp dir once its worker is gone; nothing that belongs to a live process is touched. Real
// cgroups (made by the sandbox's own createRunCgroup, under a parent of this test's own).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, rmdirSync, utimesSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createRunCgroup } from '@/grading/sandbox/create-run-cgroup';
import { detectCgroups } from '@/grading/sandbox/detect-cgroups';
import { DEFAULT_LIMITS } from '@/grading/sandbox/sandbox-driver';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';
import { runFilesRoot } from '@/grading/sandbox/run-files-root';
import { sweepLeftovers } from '@/grading/sandbox/sweep-leftovers';

const CGROUP_NAME = `rehearse-sweep-test-${process.pid}`;
const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'sweep-test-'));

// A pid that belonged to a process that has exited.
function deadPid(): number {
  const child = spawnSync('true');
  expect(isProcessAlive(child.pid!)).toBe(false);
  return child.pid!;
}

afterAll(async () => {
  rmSync(tmpDir, { recursive: true, force: true });
  const parents = [];
  for (const nice of [0, 10]) {
    const support = await detectCgroups({ name: CGROUP_NAME, nice });
    parents.push(...(support.version === 'v2' ? [support.parent] : support.version === 'v1' ? Object.values(support.parents).filter((p): p is string => !!p) : []));
  }
  for (const parent of parents) {
    try {
      rmdirSync(parent);
    } catch {
      // Left for the next sweep.
    }
  }
});

it('kills the jail processes of a dead grader’s cgroup and removes it; leaves a live process’s cgroup alone', { timeout: 30_000 }, async (context) => {
  const support = await detectCgroups({ name: CGROUP_NAME });
  if (!support.version) return context.skip(`cgroups are not available here: ${support.reason}`);
  const orphan = await createRunCgroup(support, `${deadPid()}-1-0a0b0c0d`, DEFAULT_LIMITS);
  const live = await createRunCgroup(support, `${process.pid}-1-0e0f0a0b`, DEFAULT_LIMITS);
  // A jail process that outlived its grader.
  const straggler = spawn('sleep', ['60'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => straggler.once('exit', (_code, signal) => resolve(signal)));
  for (const file of orphan.procsFiles) await writeFile(file, String(straggler.pid));

  // A run cgroup nested in a grading's shared group folder (per-grading CPU weight), which names
  // the process that made it; a live process's group, empty between two runs; and a group of an
  // earlier version, which names no owner.
  const parent = path.dirname(path.dirname(orphan.procsFiles[0]!));
  const gone = deadPid();
  const group = path.join(parent, `group-${gone}-bash-0a1b2c3d4e5f`);
  const nested = path.join(group, `${gone}-2-01020304`);
  mkdirSync(nested, { recursive: true });
  const liveGroup = path.join(parent, `group-${process.pid}-bash-6f7a8b9c0d1e`);
  const unownedGroup = path.join(parent, 'group-g1');
  mkdirSync(liveGroup);
  mkdirSync(unownedGroup);

  const report = await sweepLeftovers({ cgroupName: CGROUP_NAME, tmpDirs: [tmpDir] });
  expect(await exited).toBe('SIGKILL');
  expect(report.problems).toEqual([]);
  expect(report.cgroups.length).toBe(orphan.procsFiles.length + 2);
  expect(existsSync(nested)).toBe(false);
  expect(existsSync(group)).toBe(false);
  // A live grading may be between two runs; an unowned group may be anyone's: both stay.
  expect(existsSync(liveGroup)).toBe(true);
  expect(existsSync(unownedGroup)).toBe(true);
  rmdirSync(liveGroup);
  rmdirSync(unownedGroup);
  for (const file of orphan.procsFiles) expect(existsSync(path.dirname(file))).toBe(false);
  for (const file of live.procsFiles) expect(existsSync(path.dirname(file))).toBe(true);
  await live.remove();
});

it('sweeps the parent of drivers at a lower priority too (rehearse-nice-10)', { timeout: 30_000 }, async (context) => {
  const support = await detectCgroups({ name: CGROUP_NAME, nice: 10 });
  if (!support.version) return context.skip(`cgroups are not available here: ${support.reason}`);
  const orphan = await createRunCgroup(support, `${deadPid()}-3-0a0b0c0e`, DEFAULT_LIMITS);
  expect(orphan.procsFiles[0]).toContain(`${CGROUP_NAME}-nice-10`);
  const report = await sweepLeftovers({ cgroupName: CGROUP_NAME, tmpDirs: [tmpDir] });
  expect(report.problems).toEqual([]);
  for (const file of orphan.procsFiles) expect(existsSync(path.dirname(file))).toBe(false);
});

it('removes stale run dirs and the temp dirs of gone workers; keeps fresh run dirs and live workers’ dirs', async () => {
  const make = (name: string, ageMs = 0) => {
    const dir = path.join(tmpDir, name);
    mkdirSync(path.join(dir, 'files'), { recursive: true });
    writeFileSync(path.join(dir, 'files', 'answer.sh'), 'echo hi');
    const at = new Date(Date.now() - ageMs);
    utimesSync(dir, at, at);
    return dir;
  };
  const stale = make('rehearse-run-stale1', 60 * 60_000);
  const staleFiles = make('rehearse-files-stale2', 60 * 60_000);
  const fresh = make('rehearse-run-fresh1');
  const goneWorker = make(`rehearse-grader-${deadPid()}-aa11bb22`);
  const liveWorker = make(`rehearse-grader-${process.pid}-cc33dd44`);
  const unrelated = make('something-else', 60 * 60_000);

  const report = await sweepLeftovers({ cgroupName: CGROUP_NAME, tmpDirs: [tmpDir] });
  expect(report.dirs.sort()).toEqual([goneWorker, stale, staleFiles].sort());
  expect([stale, staleFiles, goneWorker].map(existsSync)).toEqual([false, false, false]);
  expect([fresh, liveWorker, unrelated].map(existsSync)).toEqual([true, true, true]);
});

it('sweeps a dead grader’s folders from every root it may have used (/dev/shm and the temp dir)', async () => {
  const memory = mkdtempSync(path.join(runFilesRoot(), 'sweep-test-'));
  try {
    const dead = deadPid();
    const inMemory = path.join(memory, `rehearse-grader-${dead}-dd55ee66`);
    const onDisk = path.join(tmpDir, `rehearse-sandbox-${dead}-ff7788`);
    const live = path.join(memory, `rehearse-grader-${process.pid}-99aabbcc`);
    for (const dir of [inMemory, onDisk, live]) mkdirSync(dir, { recursive: true });
    const report = await sweepLeftovers({ cgroupName: CGROUP_NAME, tmpDirs: [memory, tmpDir] });
    expect(report.dirs.sort()).toEqual([inMemory, onDisk].sort());
    expect([inMemory, onDisk, live].map(existsSync)).toEqual([false, false, true]);
  } finally {
    rmSync(memory, { recursive: true, force: true });
  }
});
