// One cgroup per run, holding every process of the jail: memory and process limits that apply to
// this run alone (RLIMIT_NPROC would count the sandbox user's processes across ALL runs, so one
// fork bomb would starve every other grading), a kill switch for the whole tree, and the evidence
// of why a run died (OOM kill, process limit hit).
import { mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toV2Weight, type CgroupSupport } from './detect-cgroups';
import { readCpuWaitMs } from './read-cpu-wait';
import { readKernelFile, readProcStatFields } from './read-kernel-file';
import type { SandboxLimits } from './sandbox-driver';

export type RunCgroup = {
  procsFiles: string[];
  hitProcessLimit(): boolean;
  wasOomKilled(): boolean;
  // CPU time the run's processes have used so far, in ms (see cpuUsedByProcesses).
  cpuUsedMs(): number;
  // Time each live process of the run has spent runnable but waiting for a CPU, in ms, by pid
  // (see cpuWaitedByProcesses): what tells a jail kept off the CPU from one that sleeps or hangs.
  cpuWaitedMs(): Map<number, number>;
  killAll(): Promise<void>;
  remove(): Promise<void>;
  // Its CPU weight against the jails beside it, in v1 shares (1024 = nice 0's): see setCpuShares.
  setCpuShares(shares: number): void;
};

const CPU_PERIOD_US = 100_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Cgroup folders and files are made, written and removed synchronously, as kernel files are read
// (read-kernel-file.ts): they live in kernel memory and never wait on a disk, and an async call is
// a round trip to libuv's thread pool and a promise each, about forty per Bash grading here
// (decision 004, "C launcher and starter").
function writeOptional(file: string, text: string) {
  try {
    writeFileSync(file, text);
  } catch {
    // Not on this kernel or configuration (swap accounting, the cpu controller, cgroup.kill).
  }
}

// A "KEY VALUE" line of a cgroup file (pids.events, cpu.stat, ...), or null when it has none.
function readCounter(file: string, key: string): number | null {
  const text = readKernelFile(file);
  const match = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

const counter = (file: string, key: string) => readCounter(file, key) ?? 0;

// A cgroup's CPU weight among its siblings: cpu.shares in v1's cpu hierarchy, cpu.weight in v2
// (`dir` null: no cpu controller, nothing to set). Best effort: the weight only orders jails on
// a busy host, and a cgroup already removed (a run that has ended) has none to change.
function setCpuShares(support: Exclude<CgroupSupport, { version: null }>, dir: string | null, shares: number) {
  if (!dir) return;
  if (support.version === 'v2') writeOptional(path.join(dir, 'cpu.weight'), String(toV2Weight(shares)));
  else writeOptional(path.join(dir, 'cpu.shares'), String(shares));
}

function pidsIn(procsFile: string) {
  const text = readKernelFile(procsFile);
  return text.split('\n').filter(Boolean).map(Number);
}

// CPU time of the processes in a cgroup.procs file and of the children they have reaped, in ms,
// from /proc/<pid>/stat (utime, stime, cutime, cstime: fields 14-17, in USER_HZ = 100 ticks a
// second). A process the jail reaped counts through its reaper, which is in the jail too (the
// jail's pid 1 reaps orphans); one that exited unreaped (its parent ignores SIGCHLD) is missed.
// For cgroup v1, whose cpu controller counts no usage (cpuacct would, but it is another hierarchy
// with another cgroup per run; not worth it for a limit that stretches at most twofold).
export function cpuUsedByProcesses(procsFile: string): number {
  let ticks = 0;
  for (const pid of pidsIn(procsFile)) {
    const fields = readProcStatFields(pid) ?? [];
    for (const index of [11, 12, 13, 14]) ticks += Number(fields[index]) || 0;
  }
  return ticks * 10;
}

// Run-queue wait of each process in a cgroup.procs file, in ms (readCpuWaitMs). By pid, so a
// caller compares each process with itself: a launcher that waited during the jail's set-up and
// then exited must not make the others' wait look smaller.
export function cpuWaitedByProcesses(procsFile: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pidsIn(procsFile)) {
    const waited = readCpuWaitMs(pid);
    if (waited !== null) out.set(pid, waited);
  }
  return out;
}

// SIGKILL until empty: a fork racing the sweep is caught on the next pass, and the pids limit
// bounds how many there can be.
async function killUntilEmpty(procsFile: string) {
  for (let round = 0; round < 100; round++) {
    const pids = pidsIn(procsFile);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await delay(round < 5 ? 1 : 10);
  }
}

// A killed process leaves its cgroup a moment after SIGKILL; rmdir fails with EBUSY until then.
export async function removeCgroupDir(dir: string, attempts = 50) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY') throw error;
      await delay(10);
    }
  }
  throw new Error(`could not remove cgroup ${dir}: still busy`);
}

// `group`: an existing folder, relative to the parent, to nest the run's CPU cgroup in (v1) or
// the whole run cgroup (v2), so that runs of one grading share one CPU weight (see groups).
export async function createRunCgroup(support: Exclude<CgroupSupport, { version: null }>, id: string, limits: SandboxLimits, group = ''): Promise<RunCgroup> {
  const cpuQuota = String(CPU_PERIOD_US);
  if (support.version === 'v2') {
    const dir = path.join(support.parent, group, id);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'memory.max'), String(limits.memoryBytes));
    writeOptional(path.join(dir, 'memory.swap.max'), '0');
    writeFileSync(path.join(dir, 'pids.max'), String(limits.maxProcesses));
    // One CPU at most, so a busy answer cannot starve the worker or other gradings.
    if (support.hasCpu) writeOptional(path.join(dir, 'cpu.max'), `${cpuQuota} ${CPU_PERIOD_US}`);
    const procs = path.join(dir, 'cgroup.procs');
    return {
      procsFiles: [procs],
      hitProcessLimit: () => counter(path.join(dir, 'pids.events'), 'max') > 0,
      wasOomKilled: () => counter(path.join(dir, 'memory.events'), 'oom_kill') > 0,
      // cpu.stat's usage_usec is exact and counts exited processes too (every v2 cgroup has it,
      // with or without the cpu controller).
      cpuUsedMs: () => {
        const usec = readCounter(path.join(dir, 'cpu.stat'), 'usage_usec');
        return usec === null ? cpuUsedByProcesses(procs) : usec / 1000;
      },
      cpuWaitedMs: () => cpuWaitedByProcesses(procs),
      killAll: async () => {
        // cgroup.kill (Linux 5.14+) kills the whole tree atomically; the sweep covers older kernels.
        writeOptional(path.join(dir, 'cgroup.kill'), '1');
        await killUntilEmpty(procs);
      },
      remove: () => removeCgroupDir(dir),
      setCpuShares: (shares) => setCpuShares(support, support.hasCpu ? dir : null, shares),
    };
  }
  const memory = path.join(support.parents.memory, id);
  const pids = path.join(support.parents.pids, id);
  const cpu = support.parents.cpu ? path.join(support.parents.cpu, group, id) : null;
  const dirs = [memory, pids, ...(cpu ? [cpu] : [])];
  // Recursive: a group folder (cpu only) may have just been removed by a run of the same group.
  for (const dir of dirs) mkdirSync(dir, { recursive: dir === cpu });
  // In this order: memory.memsw.limit_in_bytes (only present with swap accounting) may not be
  // below memory.limit_in_bytes.
  writeFileSync(path.join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
  writeOptional(path.join(memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
  writeFileSync(path.join(pids, 'pids.max'), String(limits.maxProcesses));
  if (cpu) {
    writeFileSync(path.join(cpu, 'cpu.cfs_period_us'), String(CPU_PERIOD_US));
    writeFileSync(path.join(cpu, 'cpu.cfs_quota_us'), cpuQuota);
  }
  return {
    procsFiles: dirs.map((dir) => path.join(dir, 'cgroup.procs')),
    hitProcessLimit: () => counter(path.join(pids, 'pids.events'), 'max') > 0,
    wasOomKilled: () => counter(path.join(memory, 'memory.oom_control'), 'oom_kill') > 0,
    cpuUsedMs: () => cpuUsedByProcesses(path.join(pids, 'cgroup.procs')),
    cpuWaitedMs: () => cpuWaitedByProcesses(path.join(pids, 'cgroup.procs')),
    killAll: () => killUntilEmpty(path.join(pids, 'cgroup.procs')),
    remove: async () => {
      await Promise.all(dirs.map((dir) => removeCgroupDir(dir)));
    },
    setCpuShares: (shares) => setCpuShares(support, cpu, shares),
  };
}

// A group folder's name starts with this, then the pid of the process that made it (the sweep
// removes one whose process is gone), e.g. `group-4242-bash-1a2b3c4d5e6f`.
export const GROUP_PREFIX = 'group-';

// A group's own folder: in v1 only in the cpu hierarchy (memory and pids stay per run), in v2
// the unified tree, with the controllers its runs need enabled below it.
export async function createCgroupGroup(support: Exclude<CgroupSupport, { version: null }>, group: string) {
  const dir = support.version === 'v2' ? path.join(support.parent, group) : support.parents.cpu ? path.join(support.parents.cpu, group) : null;
  if (!dir) return { remove: async () => {}, setCpuShares: () => {} };
  mkdirSync(dir, { recursive: true });
  if (support.version === 'v2') writeFileSync(path.join(dir, 'cgroup.subtree_control'), `+memory +pids${support.hasCpu ? ' +cpu' : ''}`);
  const cpuDir = support.version === 'v1' || support.hasCpu ? dir : null;
  return { remove: () => removeCgroupDir(dir), setCpuShares: (shares: number) => setCpuShares(support, cpuDir, shares) };
}
