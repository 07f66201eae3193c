// A fresh host directory per run: the spec's files (mounted read-only at /harness), and a system
// folder with a minimal passwd/group (the host's would list its users) and room for the channel
// socket. Owned by the sandbox user so the jail can read it and nobody else on the host can.
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SandboxFile } from './sandbox-driver';

export type RunDir = { root: string; filesDir: string; systemDir: string; cleanup: () => Promise<void> };

const PASSWD = 'root:x:0:0:sandbox:/work:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
const GROUP = 'root:x:0:\nnogroup:x:65534:\n';

function safeRelative(file: string) {
  const normalized = path.posix.normalize(file);
  if (path.posix.isAbsolute(normalized) || normalized.startsWith('..') || normalized === '.') {
    throw new Error(`sandbox file path must stay inside the files directory: ${file}`);
  }
  return normalized;
}

export async function prepareRunDir(files: SandboxFile[], owner: { uid: number; gid: number } | null): Promise<RunDir> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rehearse-run-'));
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    const filesDir = path.join(root, 'files');
    const systemDir = path.join(root, 'system');
    await mkdir(filesDir);
    await mkdir(systemDir);
    for (const file of files) {
      const target = path.join(filesDir, safeRelative(file.path));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: file.executable ? 0o755 : 0o644 });
    }
    await writeFile(path.join(systemDir, 'passwd'), PASSWD, { mode: 0o644 });
    await writeFile(path.join(systemDir, 'group'), GROUP, { mode: 0o644 });
    if (owner) {
      // The root stays 0700 (mkdtemp); handing it to the sandbox user lets the jail traverse it.
      for (const dir of [root, filesDir, systemDir]) await chown(dir, owner.uid, owner.gid);
    }
    for (const dir of [filesDir, systemDir]) await chmod(dir, 0o755);
    return { root, filesDir, systemDir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
