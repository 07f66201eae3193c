// Finds where per-run cgroups can be made, and makes the parent ("rehearse") once. cgroup v1 (one
// hierarchy per controller) and v2 (one unified tree) are both supported; when neither is usable
// (typically: the worker is not root and no cgroup was delegated to it) the driver falls back to
// rlimits and says so in every result's notes.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
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

async function detectV2(root: string, name: string): Promise<CgroupSupport> {
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
  return { version: 'v2', parent, hasCpu };
}

async function detectV1(root: string, name: string): Promise<CgroupSupport> {
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
  return { version: 'v1', parents: { ...parents, cpu } };
}

export async function detectCgroups({ root = '/sys/fs/cgroup', name = 'rehearse' } = {}): Promise<CgroupSupport> {
  if (await exists(path.join(root, 'cgroup.controllers'))) return detectV2(root, name);
  if ((await exists(path.join(root, 'memory', 'cgroup.procs'))) && (await exists(path.join(root, 'pids', 'cgroup.procs')))) {
    return detectV1(root, name);
  }
  return { version: null, reason: `no usable cgroup v1 (memory + pids) or v2 hierarchy at ${root}` };
}
