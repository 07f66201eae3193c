// Makes a data folder free for a new postmaster after a restart: a lock file left by a crashed
// server is removed; a server that is still stopping (its owner got SIGTERM a moment ago) is waited
// for; a server whose owning process is gone (the owner was SIGKILLed alone) is shut down fast.
// Postgres would refuse to start beside any of these ("lock file already exists").
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '@/grading/sandbox/is-process-alive';

export type FreeDataDirOptions = {
  dataDir: string;
  // The process that ran the server on this folder, when known; null when known to be dead.
  ownerPid?: number | null;
  // How long to wait for a stopping server before giving up (or, for an orphan, before SIGQUIT).
  waitMs?: number;
  log?: (line: string) => void;
};

// The pid in postmaster.pid may have been reused by another program after a crash.
export function isPostmaster(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self')) return true;
  try {
    return readFileSync(cmdline, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

export function readPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isPostmaster(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

export async function freeDataDir({ dataDir, ownerPid, waitMs = 30_000, log = () => {} }: FreeDataDirOptions): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === null) return;
  if (!isPostmaster(pid)) {
    log(`removing the lock file of a Postgres that is no longer running (pid ${pid})`);
    rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  if (ownerPid === null) {
    // Nobody will ever stop it: a fast shutdown (SIGINT) rolls back open transactions, keeps data.
    log(`stopping a Postgres (pid ${pid}) left running by a process that is gone`);
    process.kill(pid, 'SIGINT');
    if (await waitForExit(pid, waitMs)) return;
    process.kill(pid, 'SIGQUIT');
    if (await waitForExit(pid, 5_000)) return;
  } else {
    log(`waiting for the Postgres still running on ${dataDir} (pid ${pid}) to stop`);
    if (await waitForExit(pid, waitMs)) return;
  }
  throw new Error(
    `A Postgres (pid ${pid}) still runs on ${dataDir} and did not stop within ${Math.round(waitMs / 1000)} s. ` +
      `Stop the other Rehearse process using it, or stop it yourself with \`kill -INT ${pid}\`.`,
  );
}
