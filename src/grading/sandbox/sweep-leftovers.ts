// What a grader that died mid-run leaves behind, swept when a worker starts and when one of its
// grading processes dies: per-run cgroups (made by create-run-cgroup.ts, named
// `<pid of the grading process>-<n>-<hex>`) whose process is gone — their jail processes are
// killed and the cgroup removed — and run directories (of earlier versions, `rehearse-run-*` in the
// temp dir). A run directory names no owner, so only one older than any run can last is removed
// from the shared temp dir; a grading process of the worker gets its own temp dir
// (`rehearse-grader-<worker pid>-…`, in memory where the host allows: run-files-root.ts), removed
// whole once that worker is gone, and so is a driver's home folder (prepare-sandbox-home.ts,
// `rehearse-sandbox-<pid>-…`). Run cgroups nested in
// a grading's shared `group-<pid>-*` cgroup are swept the same way, and the group with them.
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from './is-process-alive';
import { readKernelFile } from './read-kernel-file';
import { GROUP_PREFIX, removeCgroupDir } from './create-run-cgroup';
import { isCgroupParentName } from './detect-cgroups';
import { SANDBOX_HOME_PREFIX } from './prepare-sandbox-home';
import { leftoverRoots } from './run-files-root';
import { errorMessage } from '@/lib/error-message';

export type SweepOptions = {
  // The folders searched for leftover directories (default: run-files-root.ts, and the temp dir).
  tmpDirs?: string[];
  cgroupRoot?: string;
  cgroupName?: string;
  // Whether the process that owns a leftover is still running (then it is not a leftover).
  isAlive?: (pid: number) => boolean;
  // A `rehearse-run-*` directory older than this cannot belong to a live run.
  staleRunDirMs?: number;
  // Set false to sweep only cgroups (right after one grading process died).
  dirs?: boolean;
  now?: () => number;
};

export type SweepReport = { cgroups: string[]; dirs: string[]; problems: string[] };

// The per-run temp dirs of earlier versions (a run's files and its system folder).
export const RUN_DIR_PREFIXES = ['rehearse-run-', 'rehearse-files-'];
export const GRADER_DIR_PREFIX = 'rehearse-grader-';
// Far above the longest wall-time limit of any harness (tens of seconds).
const STALE_RUN_DIR_MS = 15 * 60_000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

function ownerPid(name: string, prefix = ''): number | null {
  if (!name.startsWith(prefix)) return null;
  const match = /^(\d+)-/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : null;
}

// The cgroup parents drivers may have made: the v2 ones, or the v1 ones per controller; one per
// priority the drivers ran at (`rehearse`, `rehearse-nice-10`, detect-cgroups.ts).
async function cgroupParents(root: string, name: string): Promise<string[]> {
  const isV2 = await stat(path.join(root, 'cgroup.controllers')).then(() => true, () => false);
  const within = async (dir: string) => (await entries(dir)).filter((entry) => isCgroupParentName(name, entry)).map((entry) => path.join(dir, entry));
  if (isV2) return within(root);
  return (await Promise.all(['memory', 'pids', 'cpu'].map((controller) => within(path.join(root, controller))))).flat();
}

async function emptyAndRemove(dir: string): Promise<void> {
  // cgroup.kill (v2, Linux 5.14+) kills the whole tree at once; the loop covers v1 and older kernels.
  await writeFile(path.join(dir, 'cgroup.kill'), '1').catch(() => {});
  for (let round = 0; round < 100; round++) {
    const text = readKernelFile(path.join(dir, 'cgroup.procs'));
    const pids = text.split('\n').filter(Boolean).map(Number);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await delay(10);
  }
  await removeCgroupDir(dir, 100);
}

export async function sweepLeftovers(options: SweepOptions = {}): Promise<SweepReport> {
  const {
    tmpDirs = leftoverRoots(),
    cgroupRoot = '/sys/fs/cgroup',
    cgroupName = 'rehearse',
    isAlive = isProcessAlive,
    staleRunDirMs = STALE_RUN_DIR_MS,
    dirs = true,
    now = Date.now,
  } = options;
  const report: SweepReport = { cgroups: [], dirs: [], problems: [] };
  const note = (error: unknown) => report.problems.push(errorMessage(error));

  // Run cgroups sit in the parent, or one level down in a grading's shared `group-<pid>-*` folder,
  // which goes too once its process is gone (its runs were that process's). A group folder of an
  // earlier version names no owner: it is left in place (a live grading may be between two runs).
  const sweepCgroupsIn = async (parent: string, depth: number): Promise<void> => {
    for (const name of await entries(parent)) {
      const dir = path.join(parent, name);
      if (depth === 0 && name.startsWith(GROUP_PREFIX)) {
        await sweepCgroupsIn(dir, 1);
        const pid = ownerPid(name, GROUP_PREFIX);
        if (pid !== null && !isAlive(pid)) await removeCgroupDir(dir, 100).then(() => report.cgroups.push(dir), note);
        continue;
      }
      const pid = ownerPid(name);
      if (pid === null || isAlive(pid)) continue;
      const isCgroup = await stat(path.join(dir, 'cgroup.procs')).then(() => true, () => false);
      if (!isCgroup) continue;
      await emptyAndRemove(dir).then(() => report.cgroups.push(dir), note);
    }
  };
  for (const parent of await cgroupParents(cgroupRoot, cgroupName)) await sweepCgroupsIn(parent, 0);

  const found = dirs ? await Promise.all(tmpDirs.map(async (tmpDir) => (await entries(tmpDir)).map((name) => ({ name, dir: path.join(tmpDir, name) })))) : [];
  for (const { name, dir } of found.flat()) {
    let stale = false;
    if (RUN_DIR_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      const info = await stat(dir).catch(() => null);
      stale = info !== null && info.isDirectory() && now() - info.mtimeMs > staleRunDirMs;
    } else {
      const pid = ownerPid(name, GRADER_DIR_PREFIX) ?? ownerPid(name, SANDBOX_HOME_PREFIX);
      stale = pid !== null && !isAlive(pid);
    }
    if (!stale) continue;
    await rm(dir, { recursive: true, force: true }).then(() => report.dirs.push(dir), note);
  }
  return report;
}
