// How long tasks on this machine have waited for a CPU (Linux pressure stall information,
// /proc/pressure/cpu, "some" line: time during which at least one runnable task was waiting), in
// milliseconds since boot. A wall-time limit that may stretch on a busy host (SandboxSpec
// `stretchWallOnBusyHost`) reads it when the limit is armed and again when it runs out: a jail
// kept off the CPU by other work has not had the time the limit promised it.
// null when the kernel has no PSI (CONFIG_PSI off, or psi=0 on its command line).
import { readKernelFile } from './read-kernel-file';

const PRESSURE_FILE = '/proc/pressure/cpu';

export function parseCpuStallMs(text: string): number | null {
  const match = /^some\b.*\btotal=(\d+)/m.exec(text);
  return match ? Number(match[1]) / 1000 : null;
}

// A fixed path, not a parameter: a path the bundler cannot see made Turbopack trace the whole
// project into the server build (this module reaches the web bundle through admin Validate).
export function readHostCpuStallMs(): number | null {
  return parseCpuStallMs(readKernelFile(PRESSURE_FILE));
}
