// How long a process's main thread has waited for a CPU, in milliseconds: the second field of
// /proc/<pid>/schedstat (nanoseconds runnable but not running; an exec keeps counting). `self`:
// the grading process's own event loop, which serves a jail's relayed calls and reads its report.
// null when it cannot be read (the process is gone, or the kernel keeps no schedstat).
import { readKernelFile } from './read-kernel-file';

export function readCpuWaitMs(pid: number | 'self'): number | null {
  const ns = Number(readKernelFile(`/proc/${pid}/schedstat`).split(' ')[1]);
  return Number.isFinite(ns) ? ns / 1e6 : null;
}
