// What a sandboxed run takes and gives back. Plain data so harnesses and tests can build specs
// without knowing which driver runs them.

export type SandboxFile = {
  // Relative to the work dir (no leading slash, no "..").
  path: string;
  content: string;
  // Octal permission bits; 0o644 unless given (0o755 for scripts).
  mode?: number;
};

export type SandboxLimits = {
  // Wall clock for the whole run; the tree is SIGKILLed when it passes.
  wallMs: number;
  // RLIMIT_CPU for the command (per process; soft limit sends SIGXCPU, hard one second later).
  cpuSeconds: number;
  // Memory for the whole tree (cgroup), including tmpfs pages the tree writes.
  memoryBytes: number;
  // Processes/threads for the whole tree (cgroup pids.max). Never RLIMIT_NPROC: that is per uid.
  pids: number;
  // RLIMIT_FSIZE: the largest file the command may write.
  fileSizeBytes: number;
  // RLIMIT_NOFILE.
  openFiles: number;
  // Size of the tmpfs mounted at the work dir, and of /tmp and /dev/shm.
  workDirBytes: number;
  tmpBytes: number;
  // Captured stdout / stderr / event channel are cut here (the rest is drained and dropped).
  outputBytes: number;
  eventBytes: number;
};

export type SandboxSpec = {
  argv: string[];
  files?: SandboxFile[];
  // Files (relative to the work dir) sent back after the command and all its children are dead.
  readBack?: string[];
  stdin?: string;
  // Extra variables inside the jail (PATH, HOME and LANG are always set; nothing from the host leaks).
  env?: Record<string, string>;
  limits?: Partial<SandboxLimits>;
  // Gives the command fd 3, a pipe to us, for harness events (see the harness runners).
  eventChannel?: boolean;
};

export type SandboxResult = {
  exitCode: number | null;
  // A signal that ended the command, when it died of one (inside the jail or from our wall timer).
  signal: string | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  events: string;
  eventsTruncated: boolean;
  timedOut: boolean;
  // Whether the memory cgroup recorded an out-of-memory kill.
  oomKilled: boolean;
  // Which cgroup driver enforced memory/pids ('none' when unavailable: memory falls back to RLIMIT_AS).
  cgroup: 'v1' | 'v2' | 'none';
  durationMs: number;
  files: Record<string, string>;
};

export const WORK_DIR = '/work';

export const DEFAULT_LIMITS: SandboxLimits = {
  wallMs: 10_000,
  cpuSeconds: 5,
  memoryBytes: 256 * 1024 * 1024,
  pids: 64,
  fileSizeBytes: 8 * 1024 * 1024,
  openFiles: 64,
  workDirBytes: 16 * 1024 * 1024,
  tmpBytes: 16 * 1024 * 1024,
  outputBytes: 64 * 1024,
  eventBytes: 1024 * 1024,
};

// Thrown when the sandbox itself cannot run (our problem, never the candidate's).
export class SandboxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxUnavailableError';
  }
}
