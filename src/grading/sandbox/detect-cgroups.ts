// Finds where per-run cgroups can be made, and makes the parent ("rehearse") once. cgroup v1 (one
// hierarchy per controller) and v2 (one unified tree) are both supported; when neither is usable
// (typically: the worker is not root and no cgroup was delegated to it) the driver falls back to
// rlimits and says so in every result's notes.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '@/lib/error-message';

export type CgroupSupport =
  | { version: 'v1'; parents: { memory: string; pids: string; cpu: string | null } }
  | { version: 'v2'; parent: string; hasCpu: boolean }
  | { version: null; reason: string };

const exists = (file: string) => access(file).then(() => true, () => false);

function explain(error: unknown, where: string) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `cannot create cgroups under ${where} (${code}): run the grading worker as root, or delegate a writable cgroup to its user`;
  }
  return `cannot create cgroups under ${where}: ${errorMessage(error)}`;
}

// The kernel's CPU weight of a task at nice 0..19 (sched_prio_to_weight in kernel/sched/core.c).
const NICE_TO_WEIGHT = [1024, 820, 655, 526, 423, 335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29, 23, 18, 15];

// The CPU weight, in cgroup v1 shares (1024 = nice 0), for every jail together: the weight of the
// process that starts them. A jail in a cgroup of its own is not ranked by its nice value against
// the rest of the machine (and bubblewrap's --new-session would give it an autogroup of its own
// without one): its cgroup is. Without this, jails at nice 10 (npm start, decision 022) still got
// half the machine beside a busy web server. Only ever lowered: a negative nice keeps the default.
export function jailCpuShares(nice: number) {
  return NICE_TO_WEIGHT[jailNice(nice)]!;
}

// The nice value jails get: 0..19 (a negative one keeps nice 0's weight).
const jailNice = (nice: number) => Math.min(Math.max(Math.trunc(nice), 0), NICE_TO_WEIGHT.length - 1);

// A jail started ahead of its grading (SandboxSpec.deferredWall) until it is claimed: nice 19's
// weight among the jails, so on a busy host the next grading's jails start in the CPU time the
// running grading leaves, instead of taking half of it (decision 004, "Jails started ahead").
export const AHEAD_OF_CLAIM_CPU_SHARES = NICE_TO_WEIGHT[NICE_TO_WEIGHT.length - 1]!;
// A cgroup's weight when nothing sets it: what every jail's and group's cgroup gets once claimed.
export const DEFAULT_CPU_SHARES = NICE_TO_WEIGHT[0]!;

// cgroup v2's cpu.weight (1..10000, 100 = nice 0) for the same share.
export const toV2Weight = (shares: number) => Math.max(1, Math.round((shares * 100) / 1024));

async function detectV2(root: string, name: string, shares: number): Promise<CgroupSupport> {
  const controllers = (await readFile(path.join(root, 'cgroup.controllers'), 'utf8')).split(/\s+/);
  if (!controllers.includes('memory') || !controllers.includes('pids')) {
    return { version: null, reason: `cgroup v2 at ${root} lacks the memory or pids controller` };
  }
  const hasCpu = controllers.includes('cpu');
  const enable = ['+memory', '+pids', ...(hasCpu ? ['+cpu'] : [])].join(' ');
  const parent = path.join(root, name);
  try {
    await mkdir(parent, { recursive: true });
    // Children of a v2 cgroup only get the controllers its parent enables for them.
    await writeFile(path.join(root, 'cgroup.subtree_control'), enable).catch(() => {});
    await writeFile(path.join(parent, 'cgroup.subtree_control'), enable);
  } catch (error) {
    return { version: null, reason: explain(error, parent) };
  }
  // Not fatal: without it the jails only get the default weight.
  if (hasCpu) await writeFile(path.join(parent, 'cpu.weight'), String(toV2Weight(shares))).catch(() => {});
  return { version: 'v2', parent, hasCpu };
}

async function detectV1(root: string, name: string, shares: number): Promise<CgroupSupport> {
  const parents = { memory: path.join(root, 'memory', name), pids: path.join(root, 'pids', name) };
  const cpuRoot = path.join(root, 'cpu');
  const cpu = (await exists(path.join(cpuRoot, 'cpu.cfs_quota_us'))) ? path.join(cpuRoot, name) : null;
  for (const dir of [parents.memory, parents.pids, ...(cpu ? [cpu] : [])]) {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      return { version: null, reason: explain(error, dir) };
    }
  }
  if (cpu) await writeFile(path.join(cpu, 'cpu.shares'), String(shares)).catch(() => {});
  return { version: 'v1', parents: { ...parents, cpu } };
}

// The parent's name for jails at this nice value: drivers at different priorities (a runner under
// `npm start` and a test beside it) each get their own parent, so neither rewrites the other's weight.
export function cgroupParentName(name: string, nice: number) {
  const level = jailNice(nice);
  return level === 0 ? name : `${name}-nice-${level}`;
}

// Whether `entry` is a parent cgroupParentName makes for `name` at some nice value (the sweep).
export function isCgroupParentName(name: string, entry: string) {
  const suffix = entry.startsWith(`${name}-nice-`) ? entry.slice(`${name}-nice-`.length) : null;
  return entry === name || (suffix !== null && /^\d+$/.test(suffix));
}

// `nice`: the priority the jails should have (default: this process's own).
export async function detectCgroups({ root = '/sys/fs/cgroup', name: baseName = 'rehearse', nice = os.getPriority() } = {}): Promise<CgroupSupport> {
  const shares = jailCpuShares(nice);
  const name = cgroupParentName(baseName, nice);
  if (await exists(path.join(root, 'cgroup.controllers'))) return detectV2(root, name, shares);
  if ((await exists(path.join(root, 'memory', 'cgroup.procs'))) && (await exists(path.join(root, 'pids', 'cgroup.procs')))) {
    return detectV1(root, name, shares);
  }
  return { version: null, reason: `no usable cgroup v1 (memory + pids) or v2 hierarchy at ${root}` };
}
