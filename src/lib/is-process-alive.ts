// Whether a process is running: it exists (ours to signal or not) and has not exited. A zombie
// (exited, not yet reaped by its parent) still answers kill(pid, 0); where orphans are not reaped
// at once (a container whose init does not reap them), a killed server or owner would be taken for
// a live one, and everything waiting on it would wait in vain. /proc tells the two apart.
import { existsSync, readFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we run as root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !hasExited(pid);
}

// Its /proc state is Z (zombie), or its /proc entry went since the signal; without /proc, the
// signal's answer stands.
function hasExited(pid: number): boolean {
  if (!existsSync('/proc/self/stat')) return false;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true;
  }
  // "PID (NAME) STATE ...": the name may hold ") ", so the state follows the last ")".
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}
