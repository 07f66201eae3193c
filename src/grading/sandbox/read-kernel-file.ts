// A /proc or cgroup file, read synchronously; '' when it cannot be read (the process or cgroup is
// gone). These files are made from kernel memory as they are read, never wait on a disk, and hold
// a few hundred bytes. An async readFile costs four round trips to libuv's thread pool (open,
// fstat, read, close) and their promises: when a Bash grading's seven jails arm their limits, each
// reads half a dozen of them (the baselines of the busy-host stretch, supervise-jail.ts) at the
// moment the answer is being written into every jail, and the grading process's event loop was
// its bottleneck. Read this way, its CPU per Bash grading fell from about 45 to 27 ms and the
// grading from 48 to 38 ms; through the API a Bash grade p50 from 100-112 to 86-96 ms (decision
// 004, "Kernel files read synchronously").
import { readFileSync } from 'node:fs';

export function readKernelFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// The fields of /proc/<pid>/stat after the command's name, which may hold spaces or ")": the
// first is the state (field 3 in proc(5)), then ppid, and so on. null when it cannot be read.
export function readProcStatFields(pid: number): string[] | null {
  const stat = readKernelFile(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}
