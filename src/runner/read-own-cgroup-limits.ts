// The memory and process limits of the cgroup the runner itself runs in (a container's limits),
// cgroup v1 or v2. When per-run cgroups cannot be made (a non-root runner in a pod), these are what
// still caps every jail together, beside each run's rlimits; null means unlimited or unknown.
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
      memoryBytes: memory ? await readNumber(path.join(root, 'memory', memory.where, 'memory.limit_in_bytes')) : null,
      pids: pids ? await readNumber(path.join(root, 'pids', pids.where, 'pids.max')) : null,
    };
  }
  const unified = entries.find((e) => e.controllers.length === 1 && e.controllers[0] === '');
  if (!unified) return { memoryBytes: null, pids: null };
  const dir = path.join(root, unified.where);
  return { memoryBytes: await readNumber(path.join(dir, 'memory.max')), pids: await readNumber(path.join(dir, 'pids.max')) };
}
