// The runner's own limits are read from a fake cgroup tree: a pids limit on the pod cgroup above
// the container (kubelet's podPidsLimit) counts, the smallest limit on the way up wins, and
// cgroup v1's container mount (full host path in /proc/self/cgroup, own cgroup at the top) works.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOwnCgroupLimits } from '@/runner/read-own-cgroup-limits';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: Record<string, string>, procSelfCgroup: string) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cgroup-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'fs', file)), { recursive: true });
    writeFileSync(path.join(dir, 'fs', file), text);
  }
  writeFileSync(path.join(dir, 'cgroup'), procSelfCgroup);
  return readOwnCgroupLimits(path.join(dir, 'fs'), path.join(dir, 'cgroup'));
}

const pod = 'kubepods.slice/kubepods-pod1.slice';
const container = `${pod}/cri-containerd-abc.scope`;

describe('readOwnCgroupLimits', () => {
  it('takes the pod cgroup’s pids limit when the container’s own reads max (cgroup v2, pod visible)', async () => {
    const limits = await tree({
      [`${container}/memory.max`]: '1610612736\n', [`${container}/pids.max`]: 'max\n',
      [`${pod}/memory.max`]: 'max\n', [`${pod}/pids.max`]: '1024\n',
    }, `0::/${container}\n`);
    expect(limits).toEqual({ memoryBytes: 1610612736, pids: 1024 });
  });

  it('keeps the smallest limit on the way up', async () => {
    const limits = await tree({
      [`${container}/memory.max`]: '1000\n', [`${container}/pids.max`]: '64\n',
      [`${pod}/memory.max`]: '5000\n', [`${pod}/pids.max`]: '1024\n',
    }, `0::/${container}\n`);
    expect(limits).toEqual({ memoryBytes: 1000, pids: 64 });
  });

  it('reads the container’s own cgroup at the top of a private cgroup namespace', async () => {
    expect(await tree({ 'memory.max': '1000\n', 'pids.max': '1024\n' }, '0::/\n')).toEqual({ memoryBytes: 1000, pids: 1024 });
    expect(await tree({ 'memory.max': '1000\n', 'pids.max': 'max\n' }, '0::/\n')).toEqual({ memoryBytes: 1000, pids: null });
  });

  it('reads cgroup v1 where the container’s cgroup is mounted at the top and /proc/self/cgroup names its host path', async () => {
    const limits = await tree({ 'memory/memory.limit_in_bytes': '2048\n', 'pids/pids.max': '512\n' }, '5:pids:/docker/abc\n4:memory:/docker/abc\n');
    expect(limits).toEqual({ memoryBytes: 2048, pids: 512 });
  });
});
