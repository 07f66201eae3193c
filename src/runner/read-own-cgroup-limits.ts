// The memory and process limits that cap the cgroup the runner itself runs in (a container's or a
// pod's limits), cgroup v1 or v2. When per-run cgroups cannot be made (a non-root runner in a pod),
// these are what still caps every jail together, beside each run's rlimits; null means unlimited
// or unknown.
//
// A limit set on any ancestor caps this cgroup too, so each limit is the smallest one found from
// the runner's own cgroup up to the top of what is mounted. That matters for Kubernetes: kubelet's
// podPidsLimit sits on the POD cgroup, and the container's own pids.max reads "max". The pod
// cgroup is visible when the container sees the host's cgroup tree (cgroup v1, or v2 without a
// private cgroup namespace); under a private cgroup namespace (containerd's default on v2) nothing
// above the container is visible and only a container-level limit counts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type OwnCgroupLimits = { memoryBytes: number | null; pids: number | null };

const UNLIMITED_V1 = 2 ** 60;

async function readNumber(file: string): Promise<number | null> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    if (text === 'max') return null;
    const value = Number(text);
    return Number.isFinite(value) && value < UNLIMITED_V1 ? value : null;
  } catch {
    return null;
  }
}

// The smallest limit in `file` from `mount/where` up to `mount` itself. A path that does not exist
// under the mount (cgroup v1 in a container mounts the container's own cgroup at the top while
// /proc/self/cgroup names its full host path) is skipped, so the walk still ends at the mount.
async function smallestUpFrom(mount: string, where: string, file: string): Promise<number | null> {
  let smallest: number | null = null;
  const parts = where.split('/').filter(Boolean);
  for (let depth = parts.length; depth >= 0; depth--) {
    const value = await readNumber(path.join(mount, ...parts.slice(0, depth), file));
    if (value !== null && (smallest === null || value < smallest)) smallest = value;
  }
  return smallest;
}

export async function readOwnCgroupLimits(root = '/sys/fs/cgroup', procSelfCgroup = '/proc/self/cgroup'): Promise<OwnCgroupLimits> {
  let lines: string[];
  try {
    lines = (await readFile(procSelfCgroup, 'utf8')).split('\n').filter(Boolean);
  } catch {
    return { memoryBytes: null, pids: null };
  }
  // "id:controllers:path"; v2 is the line with empty controllers.
  const entries = lines.map((line) => {
    const [, controllers = '', where = '/'] = line.split(':');
    return { controllers: controllers.split(','), where };
  });
  const v1 = (controller: string) => entries.find((e) => e.controllers.includes(controller));
  const memory = v1('memory');
  const pids = v1('pids');
  if (memory || pids) {
    return {
      memoryBytes: memory ? await smallestUpFrom(path.join(root, 'memory'), memory.where, 'memory.limit_in_bytes') : null,
      pids: pids ? await smallestUpFrom(path.join(root, 'pids'), pids.where, 'pids.max') : null,
    };
  }
  const unified = entries.find((e) => e.controllers.length === 1 && e.controllers[0] === '');
  if (!unified) return { memoryBytes: null, pids: null };
  return {
    memoryBytes: await smallestUpFrom(root, unified.where, 'memory.max'),
    pids: await smallestUpFrom(root, unified.where, 'pids.max'),
  };
}
