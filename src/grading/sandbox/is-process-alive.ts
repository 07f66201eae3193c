// Whether a process is running: it exists and has not exited. A zombie (exited, not yet reaped by
// its parent) still answers kill(pid, 0); where orphans are not reaped at once (a container whose
// init does not reap them), a killed server or owner would be taken for a live one, and everything
// waiting on it would wait in vain. /proc tells the two apart. Here, beside the sandbox's leftover
// sweep, for the database start and the build lock too (src/lib is for client-safe helpers).
import { existsSync } from 'node:fs';
import { readProcStatFields } from './read-kernel-file';

export function isProcessAlive(pid: number): boolean {
  let signalled = true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, but we may not signal it (another user's, when we are not root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
    signalled = false;
  }
  return !hasExited(pid, signalled);
}

// Its /proc state is Z (zombie) or X (dead). Unreadable: gone since the signal if we could signal
// it; if we could not, /proc may just be hiding another user's process (hidepid), so the signal's
// answer stands. Without /proc, the signal's answer stands.
function hasExited(pid: number, signalled: boolean): boolean {
  if (!existsSync('/proc/self/stat')) return false;
  const fields = readProcStatFields(pid);
  if (!fields) return signalled;
  return fields[0] === 'Z' || fields[0] === 'X';
}
