// The host folders jails are built from. Most of it is the same for every run, so it is made once
// per driver (per grading process) in a home folder, `rehearse-sandbox-<pid>-<hex>` in the temp
// dir, removed when the process exits (or swept once that pid is gone, sweep-leftovers.ts):
//   seccomp.bpf       the compiled filter, 0600: the launcher opens it before dropping root
//   etc/              the jail's /etc, bound read-only as one folder, ours (the sandbox user can
//                     read it, not change it): a minimal passwd and group (the host's would list
//                     its users) beside copies of the few host entries bash and python need
//                     (read-host-layout.ts). One bind instead of seven: bwrap reads the whole mount
//                     table for every bind, about 0.28 ms of CPU each, paid by every jail (eight
//                     per Bash grading).
//   jail/             the sandbox user's, 0700, so nobody else on the host can read what is in it
//     files-<n>/      a run's files (mounted read-only at /harness), shared by runs given the same
//                     files at the same time (a harness's scenarios, one jail each)
//     channel-<n>.sock  a run's channel socket, bound alone at /run/rehearse/channel.sock
// A run then costs no folder of its own: writing the same few files per jail was a good part of
// its start-up time.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SandboxFile } from './sandbox-driver';

export const SANDBOX_HOME_PREFIX = 'rehearse-sandbox-';

type Owner = { uid: number; gid: number } | null;

export type SandboxHome = {
  root: string;
  // Set when the host can load a filter (seccomp-filter.ts).
  seccompFile: string | null;
  // The jail's /etc: passwd, group and the copied host entries.
  etcDir: string;
  // A fresh path for a run's channel socket (nothing is created there).
  channelPath(): string;
  // The run's files folder, shared while in use (`own`: never shared); release it when the run is over.
  acquireFiles(files: SandboxFile[], own?: boolean): Promise<{ dir: string; release: () => Promise<void> }>;
  // Adds files to a folder acquireFiles gave (a pre-started jail's answer); fails on a file already there.
  addFiles(dir: string, files: SandboxFile[]): Promise<void>;
};

const PASSWD = 'root:x:0:0:sandbox:/work:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
const GROUP = 'root:x:0:\nnogroup:x:65534:\n';

function safeRelative(file: string) {
  const normalized = path.posix.normalize(file);
  if (path.posix.isAbsolute(normalized) || normalized.startsWith('..') || normalized === '.') {
    throw new Error(`sandbox file path must stay inside the files directory: ${file}`);
  }
  return normalized;
}

// `etcEntries`: absolute host paths under /etc, copied as a bind would show them: the entry's own
// symlink followed (/etc/localtime), a folder copied whole with the symlinks in it kept as they are
// (/etc/alternatives). Copied once per driver: a host change to one of them (a new ld.so.cache
// after a package install) reaches jails once the grading process is restarted (a stale cache
// only makes the loader search its default folders).
export async function prepareSandboxHome(owner: Owner, seccompProgram: Buffer | null, etcEntries: string[], tmpDir = os.tmpdir()): Promise<SandboxHome> {
  const root = await mkdtemp(path.join(tmpDir, `${SANDBOX_HOME_PREFIX}${process.pid}-`));
  // Synchronous: 'exit' handlers cannot wait. Only this process's own folder.
  const removeOnExit = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const jail = path.join(root, 'jail');
  const etcDir = path.join(root, 'etc');
  try {
    for (const entry of etcEntries) {
      if (path.dirname(entry) !== '/etc' || path.posix.normalize(entry) !== entry || ['passwd', 'group'].includes(path.basename(entry))) {
        throw new Error(`not a host /etc entry the jail may see: ${entry}`);
      }
    }
    // Traversable by the sandbox user, who must reach jail/ and etc/ to mount them.
    await chmod(root, 0o711);
    await mkdir(jail, { mode: 0o700 });
    await mkdir(etcDir);
    // Not left to the umask: every jail reads it.
    await chmod(etcDir, 0o755);
    // All settled before any failure is thrown: the folder is removed below, and a copy still
    // under way would write into it again (and hide the first error behind rm's ENOTEMPTY).
    const written = await Promise.allSettled([
      // Asynchronous: /etc/alternatives alone can be hundreds of symlinks (30 ms on a full host).
      ...etcEntries.map(async (entry) => cp(await realpath(entry), path.join(etcDir, path.basename(entry)), { recursive: true, verbatimSymlinks: true })),
      writeFile(path.join(etcDir, 'passwd'), PASSWD, { mode: 0o644 }),
      writeFile(path.join(etcDir, 'group'), GROUP, { mode: 0o644 }),
      seccompProgram ? writeFile(path.join(root, 'seccomp.bpf'), seccompProgram, { mode: 0o600 }) : null,
    ]);
    const failed = written.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    if (owner) await chown(jail, owner.uid, owner.gid);
  } catch (error) {
    process.removeListener('exit', removeOnExit);
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  let counter = 0;
  const shared = new Map<string, { ready: Promise<string>; users: number }>();

  // 'wx': a file already in the folder is never replaced (a late file cannot overwrite a harness's own).
  // Synchronous, like the cgroup files (create-run-cgroup.ts): a few small files per jail, in memory
  // where the host allows (run-files-root.ts), each async call a round trip to libuv's thread pool.
  async function addFiles(dir: string, files: SandboxFile[]) {
    // The folders first (in order: a file's folder may be another's parent), then every file.
    const targets = files.map((file) => ({ file, target: path.join(dir, safeRelative(file.path)) }));
    // Never the folder itself: it exists (or has been removed, and must stay so).
    for (const folder of new Set(targets.map(({ target }) => path.dirname(target)))) if (folder !== dir) mkdirSync(folder, { recursive: true, mode: 0o755 });
    for (const { file, target } of targets) writeFileSync(target, file.content, { mode: file.executable ? 0o755 : 0o644, flag: 'wx' });
  }

  async function writeFiles(files: SandboxFile[]) {
    const dir = path.join(jail, `files-${++counter}`);
    try {
      mkdirSync(dir, { mode: 0o755 });
      await addFiles(dir, files);
      return dir;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async function acquireFiles(files: SandboxFile[], own = false) {
    if (own) {
      const dir = await writeFiles(files);
      return { dir, release: async () => rmSync(dir, { recursive: true, force: true }) };
    }
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${file.path}\0${file.executable ? 1 : 0}\0${file.content.length}\0`).update(file.content);
    const key = hash.digest('hex');
    let entry = shared.get(key);
    if (!entry) {
      entry = { ready: writeFiles(files), users: 0 };
      shared.set(key, entry);
      entry.ready.catch(() => shared.delete(key));
    }
    entry.users++;
    const current = entry;
    const release = async () => {
      if (--current.users > 0) return;
      if (shared.get(key) === current) shared.delete(key);
      rmSync(await current.ready, { recursive: true, force: true });
    };
    try {
      return { dir: await current.ready, release };
    } catch (error) {
      current.users--;
      throw error;
    }
  }

  return {
    root,
    seccompFile: seccompProgram ? path.join(root, 'seccomp.bpf') : null,
    etcDir,
    channelPath: () => path.join(jail, `channel-${++counter}.sock`),
    acquireFiles,
    addFiles,
  };
}
