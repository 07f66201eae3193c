// Where grading processes keep the host side of their jails (the sandbox home: each run's files
// folder and channel socket, prepare-sandbox-home.ts): the temp dir when it is already a memory
// file system (the runner's pod mounts a sized one at /tmp), else /dev/shm when that is one this
// process can write to, else the temp dir on disk.
// Why memory: every jail creates and removes a folder of small files and a socket, a Bash grading
// eight jails at once. On ext4 each new inode searches the inode bitmap past the ones deleted a
// moment ago (ext4's `recently_deleted` check), which took about a tenth of the machine's CPU in a
// run of Bash gradings back to back: libuv's file threads in the grading process cost as much CPU
// as its main thread (decision 004, "Run files in memory"). The files are a few kilobytes per
// jail, read-only inside it; what a candidate writes goes to the jail's own sized tmpfs mounts,
// never here.
import { accessSync, constants, statfsSync } from 'node:fs';
import os from 'node:os';

const MEMORY_DIR = '/dev/shm';
// statfs(2)'s f_type of tmpfs.
const TMPFS_MAGIC = 0x01021994;

export function isMemoryDir(dir: string): boolean {
  try {
    if (statfsSync(dir).type !== TMPFS_MAGIC) return false;
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function chooseRunFilesRoot(tmpDir: string, isMemory: (dir: string) => boolean): string {
  if (isMemory(tmpDir)) return tmpDir;
  return isMemory(MEMORY_DIR) ? MEMORY_DIR : tmpDir;
}

let chosen: string | null = null;

export function runFilesRoot(): string {
  return (chosen ??= chooseRunFilesRoot(os.tmpdir(), isMemoryDir));
}

// Every folder a grader's leftovers may be in: this version's and the temp dir (where graders
// before it kept them, and where drivers outside a grading process still do).
export function leftoverRoots(): string[] {
  return [...new Set([runFilesRoot(), os.tmpdir()])];
}
