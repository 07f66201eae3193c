// A fresh host directory per run: a system folder with a minimal passwd/group (the host's would
// list its users) and room for the channel socket, and the spec's files (mounted read-only at
// /harness). Runs given the same files at the same time (a harness's scenarios, one jail each)
// share one files directory: it is read-only in every jail, and writing it once instead of per
// jail is a good part of a jail's start-up cost. Owned by the sandbox user so the jail can read
// it and nobody else on the host can.
import { createHash } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SandboxFile } from './sandbox-driver';

export type RunDir = { root: string; filesDir: string; systemDir: string; cleanup: () => Promise<void> };
type Owner = { uid: number; gid: number } | null;

const PASSWD = 'root:x:0:0:sandbox:/work:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
const GROUP = 'root:x:0:\nnogroup:x:65534:\n';

function safeRelative(file: string) {
  const normalized = path.posix.normalize(file);
  if (path.posix.isAbsolute(normalized) || normalized.startsWith('..') || normalized === '.') {
    throw new Error(`sandbox file path must stay inside the files directory: ${file}`);
  }
  return normalized;
}

// A 0700 directory the sandbox user owns (and so can traverse), with a 0755 folder `name` in it.
async function ownedDir(prefix: string, name: string, owner: Owner) {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const dir = path.join(root, name);
  await mkdir(dir);
  if (owner) for (const d of [root, dir]) await chown(d, owner.uid, owner.gid);
  await chmod(dir, 0o755);
  return { root, dir };
}

async function writeFiles(files: SandboxFile[], owner: Owner) {
  const { root, dir } = await ownedDir('rehearse-files-', 'files', owner);
  try {
    for (const file of files) {
      const target = path.join(dir, safeRelative(file.path));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content, { mode: file.executable ? 0o755 : 0o644 });
    }
    return { root, dir };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

const shared = new Map<string, { ready: Promise<{ root: string; dir: string }>; users: number }>();

async function acquireFiles(files: SandboxFile[], owner: Owner) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(owner));
  for (const file of files) hash.update(`${file.path}\0${file.executable ? 1 : 0}\0${file.content.length}\0`).update(file.content);
  const key = hash.digest('hex');
  let entry = shared.get(key);
  if (!entry) {
    entry = { ready: writeFiles(files, owner), users: 0 };
    shared.set(key, entry);
    entry.ready.catch(() => shared.delete(key));
  }
  entry.users++;
  const current = entry;
  const release = async () => {
    if (--current.users > 0) return;
    if (shared.get(key) === current) shared.delete(key);
    const { root } = await current.ready;
    await rm(root, { recursive: true, force: true });
  };
  try {
    return { dir: (await entry.ready).dir, release };
  } catch (error) {
    current.users--;
    throw error;
  }
}

export async function prepareRunDir(files: SandboxFile[], owner: Owner): Promise<RunDir> {
  const filesDir = await acquireFiles(files, owner);
  let system: { root: string; dir: string } | null = null;
  const cleanup = async () => {
    await Promise.all([system ? rm(system.root, { recursive: true, force: true }) : null, filesDir.release()]);
  };
  try {
    system = await ownedDir('rehearse-run-', 'system', owner);
    await writeFile(path.join(system.dir, 'passwd'), PASSWD, { mode: 0o644 });
    await writeFile(path.join(system.dir, 'group'), GROUP, { mode: 0o644 });
    return { root: system.root, filesDir: filesDir.dir, systemDir: system.dir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
