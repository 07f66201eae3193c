// The one sandbox interface every driver implements: run a command in a fresh jail and report what
// happened. Drivers: bubblewrap (create-bwrap-driver.ts, the only one that may run candidate code)
// and a fake for unit tests of the code around it (create-fake-driver.ts).
import type { Duplex } from 'node:stream';

// Where things are inside the jail. Files from the spec are mounted read-only, so nothing the
// candidate runs can rewrite a harness runner or its fake tools.
export const JAIL_FILES_DIR = '/harness';
// The writable, size-limited tmpfs the command starts in.
export const JAIL_WORK_DIR = '/work';
// A Unix socket to the host for harness runners; it accepts SandboxSpec.channelConnections
// connections (one by default).
export const JAIL_CHANNEL_PATH = '/run/rehearse/channel.sock';
// Perl (perl-base), on the host for the jail launcher and inside jails (/usr is bound read-only)
// for the Bash harnesses' starters, supervisors and fake tools' relays.
export const PERL_PATH = '/usr/bin/perl';

export type SandboxLimits = {
  wallTimeMs: number;
  cpuTimeSeconds: number;
  memoryBytes: number;
  maxProcesses: number;
  fileSizeBytes: number;
  openFiles: number;
  workDirBytes: number;
  tmpDirBytes: number;
  shmBytes: number;
  stdoutBytes: number;
  stderrBytes: number;
};

export const DEFAULT_LIMITS: SandboxLimits = {
  wallTimeMs: 10_000,
  cpuTimeSeconds: 10,
  memoryBytes: 256 * 1024 * 1024,
  maxProcesses: 64,
  fileSizeBytes: 8 * 1024 * 1024,
  openFiles: 256,
  workDirBytes: 16 * 1024 * 1024,
  tmpDirBytes: 16 * 1024 * 1024,
  shmBytes: 1024 * 1024,
  stdoutBytes: 256 * 1024,
  stderrBytes: 64 * 1024,
};

// Text, or bytes (a compiled helper: scenario-start-c-source.ts).
export type SandboxFile = { path: string; content: string | Buffer; executable?: boolean };

export type SandboxSpec = {
  // argv inside the jail; argv[0] must be an absolute path (PATH is minimal).
  command: string[];
  // Placed read-only under JAIL_FILES_DIR.
  files?: SandboxFile[];
  stdin?: string;
  env?: Record<string, string>;
  limits?: Partial<SandboxLimits>;
  // Called with the first connection to JAIL_CHANNEL_PATH (a harness runner's report channel).
  channel?: (socket: Duplex) => void;
  // How many connections the channel accepts before it stops listening (default 1: a runner's
  // single report channel). A harness whose fakes connect once per call raises it and treats
  // every connection as hostile input.
  channelConnections?: number;
  // Run the command as the jail's pid 1 (bwrap --as-pid-1): no bwrap init inside the jail, so
  // the exit status comes straight from the command to the outer bwrap, out of the jail's reach,
  // and when the command exits the kernel kills everything else in the jail at once.
  asPid1?: boolean;
  // Aborting ends the run at once (the harness saw enough, e.g. a flood of calls).
  signal?: AbortSignal;
  // Runs given the same group (a grading's scenarios, in parallel) share one CPU weight: against
  // another grading they count as one, however many jails they are.
  group?: string;
  // A pre-started jail (python-kit/warm-python-jail.ts): it starts now and waits for its work
  // over the channel; the wall-time limit counts from when this resolves, for the milliseconds it
  // resolves to (limits.wallTimeMs is not used), and the process-limit watch starts then too (no
  // candidate code exists before). Until then only `signal` ends it.
  deferredWall?: Promise<number>;
  // Set for a pre-started jail: until its wall limit is armed, nothing of this run (channel,
  // timers) keeps the Node process alive.
  background?: boolean;
  // Set for a pre-started jail whose answer arrives later as a file (bash-kit/warm-bash-jails.ts):
  // called once at the start with a function that adds files to this run's files folder, which
  // the jail sees under JAIL_FILES_DIR at once (it is a bind mount of that host folder). The
  // folder is then this run's alone, never shared with another run; a file already there is
  // never replaced.
  lateFiles?: (add: (files: SandboxFile[]) => Promise<void>) => void;
  // At most this many times the wall-time limit on a busy host: when the limit runs out, it is
  // extended by the time tasks on this machine waited for a CPU meanwhile (host-cpu-stall.ts),
  // up to this factor. For limits that say "the script hangs" (a Bash scenario): a correct script
  // whose jail the host kept off the CPU is not a hang. 1 (default): a plain wall-time limit.
  stretchWallOnBusyHost?: number;
};

// Why the sandbox ended the run early.
// 'starved': the wall limit ran out while the host kept the jail off the CPU beyond what its
// busy-host stretch allows (stretchWallOnBusyHost); the run is an infra error, never a timeout.
export type KillReason = 'wall-time' | 'cpu-time' | 'memory' | 'processes' | 'cancelled' | 'starved';

export type SandboxResult = {
  // OUR failure (sandbox missing or broken): the command may not have run at all. Says how to fix.
  infraError: string | null;
  // The jailed command's exit status (a signal death shows as 128 + signal number).
  exitCode: number | null;
  // Set when the whole jail was killed from outside (wall time, process limit).
  signal: string | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  timedOut: boolean;
  killedBy: KillReason | null;
  // The wall-time limit the run had when it ended: limits.wallTimeMs, or more when it stretched on
  // a busy host (stretchWallOnBusyHost). Absent when no limit was armed (a warm jail never claimed).
  wallLimitMs?: number;
  durationMs: number;
  // Degraded enforcement and other facts an operator should know (e.g. no cgroups).
  notes: string[];
};

export type SandboxDriver = {
  name: string;
  run(spec: SandboxSpec): Promise<SandboxResult>;
  // Set when the driver honours deferredWall and background, so a harness may keep one jail
  // pre-started between gradings (the bubblewrap driver unless told not to).
  prestarts?: boolean;
};

// A result for a run that never started because of us, never because of the candidate.
export function sandboxInfraResult(infraError: string, notes: string[] = []): SandboxResult {
  return {
    infraError,
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    timedOut: false,
    killedBy: null,
    durationMs: 0,
    notes,
  };
}
