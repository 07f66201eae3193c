// The bubblewrap arguments for one run. Pure, so the jail's shape is unit-tested without a jail.
// Every namespace is unshared (a network namespace of its own: only its loopback, where a Bash
// scenario's fake-tool relay listens, and nothing outside reachable; a fresh pid namespace whose
// /proc shows only the jail), the root is read-only, and every writable mount is a tmpfs with a size.
import { JAIL_CHANNEL_PATH, JAIL_FILES_DIR, JAIL_WORK_DIR, type SandboxLimits } from './sandbox-driver';
import type { HostLayout } from './read-host-layout';

export type JailArgsInput = {
  // Its /etc entries reach the jail through etcDir, not binds of their own.
  layout: Pick<HostLayout, 'systemDirs'>;
  // Host directory mounted read-only at JAIL_FILES_DIR.
  filesDir: string;
  // Host directory bound read-only as the jail's /etc (prepare-sandbox-home.ts: passwd, group
  // and copies of the host entries in layout.etcEntries).
  etcDir: string;
  // The run's channel socket on the host, bound alone at JAIL_CHANNEL_PATH (no channel: none).
  channelSocket?: string | null;
  limits: SandboxLimits;
  env: Record<string, string>;
  command: string[];
  // bwrap writes {"child-pid"} and {"exit-code"} here: tells "jail never started" from "command failed".
  statusFd: number;
  // The command is the jail's pid 1 (see SandboxSpec.asPid1).
  asPid1?: boolean;
  // An fd holding a compiled seccomp filter (seccomp-filter.ts); bwrap loads it before the command.
  seccompFd?: number;
};

export function buildJailArgs(input: JailArgsInput): string[] {
  const { layout, filesDir, etcDir, limits, env, command, statusFd, seccompFd } = input;
  const args = [
    '--unshare-all',
    // Explicit, so --disable-userns applies: no nested namespaces to widen the kernel surface.
    '--unshare-user',
    '--disable-userns',
    // uid 0 inside the user namespace (many deploy scripts insist on root) with no capabilities:
    // outside it is still the unprivileged sandbox user.
    '--uid', '0',
    '--gid', '0',
    '--cap-drop', 'ALL',
    '--die-with-parent',
    '--new-session',
    '--hostname', 'sandbox',
  ];
  if (input.asPid1) args.push('--as-pid-1');
  for (const dir of layout.systemDirs) {
    if (dir.symlinkTo) args.push('--symlink', dir.symlinkTo, dir.path);
    else args.push('--ro-bind', dir.path, dir.path);
  }
  args.push(
    '--ro-bind', etcDir, '/etc',
    ...(input.channelSocket ? ['--ro-bind', input.channelSocket, JAIL_CHANNEL_PATH] : []),
    '--ro-bind', filesDir, JAIL_FILES_DIR,
    '--proc', '/proc',
    '--dev', '/dev',
    // --dev leaves /dev/shm on an unlimited tmpfs; replace it with a sized one.
    '--size', String(limits.shmBytes), '--tmpfs', '/dev/shm',
    '--size', String(limits.tmpDirBytes), '--tmpfs', '/tmp',
    '--size', String(limits.workDirBytes), '--tmpfs', JAIL_WORK_DIR,
    '--remount-ro', '/',
    '--chdir', JAIL_WORK_DIR,
    '--clearenv',
  );
  const baseEnv = { PATH: '/usr/bin:/bin', HOME: JAIL_WORK_DIR, LANG: 'C.UTF-8', TMPDIR: '/tmp' };
  for (const [key, value] of Object.entries({ ...baseEnv, ...env })) args.push('--setenv', key, value);
  if (seccompFd !== undefined) args.push('--seccomp', String(seccompFd));
  args.push('--json-status-fd', String(statusFd), '--', ...command);
  return args;
}
