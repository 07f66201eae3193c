// A per-run cgroup for memory and process limits. v1 (separate memory and pids hierarchies) and
// v2 (unified) are both supported; a host where we may not create cgroups gets 'none' and the
// caller falls back to RLIMIT_AS for memory (processes are then bounded only by the wall timer).
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = '/sys/fs/cgroup';
const GROUP = 'rehearse';

export type RunCgroup = {
  driver: 'v1' | 'v2' | 'none';
  // Directories whose cgroup.procs the spawned shell joins before exec'ing bwrap.
  procsFiles: string[];
  oomKilled(): boolean;
  // Kills whatever is left in the cgroup and removes it.
  destroy(): Promise<void>;
};

function write(file: string, value: string): void {
  writeFileSync(file, value);
}

function readPids(dir: string): number[] {
  try {
    return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

// v1 has no cgroup.kill: SIGKILL every member until none is left (a forking tree may add members
// while we kill; pids.max bounds how many).
async function killAll(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'cgroup.kill'))) {
    try {
      write(path.join(dir, 'cgroup.kill'), '1');
    } catch {
      // Fall through to the loop.
    }
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    const pids = readPids(dir);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function removeDir(dir: string): Promise<void> {
  await killAll(dir);
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      // EBUSY while the last members are being reaped.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function oomFromV1(dir: string): boolean {
  try {
    const control = readFileSync(path.join(dir, 'memory.oom_control'), 'utf8');
    const match = /oom_kill (\d+)/.exec(control);
    if (match) return Number(match[1]) > 0;
    return Number(readFileSync(path.join(dir, 'memory.failcnt'), 'utf8')) > 0;
  } catch {
    return false;
  }
}

function oomFromV2(dir: string): boolean {
  try {
    const events = readFileSync(path.join(dir, 'memory.events'), 'utf8');
    const match = /oom_kill (\d+)/.exec(events);
    return match ? Number(match[1]) > 0 : false;
  } catch {
    return false;
  }
}

function createV1(id: string, memoryBytes: number, pids: number): RunCgroup {
  const memory = path.join(ROOT, 'memory', GROUP, id);
  const pidsDir = path.join(ROOT, 'pids', GROUP, id);
  mkdirSync(memory, { recursive: true });
  try {
    mkdirSync(pidsDir, { recursive: true });
    write(path.join(memory, 'memory.limit_in_bytes'), String(memoryBytes));
    // Without this the tree could spill into swap instead of being OOM-killed.
    if (existsSync(path.join(memory, 'memory.memsw.limit_in_bytes'))) {
      write(path.join(memory, 'memory.memsw.limit_in_bytes'), String(memoryBytes));
    }
    write(path.join(pidsDir, 'pids.max'), String(pids));
  } catch (error) {
    void removeDir(memory);
    void removeDir(pidsDir);
    throw error;
  }
  return {
    driver: 'v1',
    procsFiles: [path.join(memory, 'cgroup.procs'), path.join(pidsDir, 'cgroup.procs')],
    oomKilled: () => oomFromV1(memory),
    destroy: async () => {
      await Promise.all([removeDir(pidsDir), removeDir(memory)]);
    },
  };
}

function createV2(id: string, memoryBytes: number, pids: number): RunCgroup {
  const parent = path.join(ROOT, GROUP);
  mkdirSync(parent, { recursive: true });
  const enable = (dir: string) => {
    const file = path.join(dir, 'cgroup.subtree_control');
    const current = readFileSync(file, 'utf8');
    if (!current.includes('memory') || !current.includes('pids')) write(file, '+memory +pids');
  };
  enable(ROOT);
  enable(parent);
  const dir = path.join(parent, id);
  mkdirSync(dir);
  try {
    write(path.join(dir, 'memory.max'), String(memoryBytes));
    if (existsSync(path.join(dir, 'memory.swap.max'))) write(path.join(dir, 'memory.swap.max'), '0');
    write(path.join(dir, 'pids.max'), String(pids));
  } catch (error) {
    void removeDir(dir);
    throw error;
  }
  return {
    driver: 'v2',
    procsFiles: [path.join(dir, 'cgroup.procs')],
    oomKilled: () => oomFromV2(dir),
    destroy: () => removeDir(dir),
  };
}

export function detectCgroupDriver(): 'v1' | 'v2' | 'none' {
  if (existsSync(path.join(ROOT, 'cgroup.controllers'))) return 'v2';
  if (existsSync(path.join(ROOT, 'memory', 'cgroup.procs')) && existsSync(path.join(ROOT, 'pids', 'cgroup.procs'))) return 'v1';
  return 'none';
}

export function createCgroup(id: string, memoryBytes: number, pids: number): RunCgroup {
  const driver = detectCgroupDriver();
  try {
    if (driver === 'v1') return createV1(id, memoryBytes, pids);
    if (driver === 'v2') return createV2(id, memoryBytes, pids);
  } catch {
    // Not allowed to create cgroups here (no root, read-only cgroupfs): degrade, see header.
  }
  return { driver: 'none', procsFiles: [], oomKilled: () => false, destroy: async () => {} };
}
