// The host-side chain that starts a jail, as the launcher (create-jail-launcher.ts) takes it: the
// seccomp filter to open as fd 4 and the cgroup.procs files to join (the launcher's subshell does
// both, writing its own pid before anything can fork, so nothing escapes the cgroups), then the
// command: prlimit sets the rlimits, setpriv drops root to the sandbox user, and bwrap builds the
// jail. Each step execs the next: one process, one pid.
import type { SandboxLimits } from './sandbox-driver';
import type { SandboxTools } from './find-sandbox-tools';

export type LaunchInput = {
  tools: SandboxTools;
  limits: SandboxLimits;
  // cgroup.procs files to join; empty when cgroups are unavailable.
  cgroupProcsFiles: string[];
  // Set when the worker runs as root: the jail must not run as host root.
  dropTo: { uid: number; gid: number } | null;
  // Without a memory cgroup, RLIMIT_AS is the fallback memory limit.
  memoryByRlimit: boolean;
  jailArgs: string[];
  // A compiled seccomp filter the launcher opens as fd 4 for bwrap's --seccomp 4.
  seccompFile?: string;
};

// [--seccomp FILE] CGROUP_PROCS... -- COMMAND...
export function buildLaunchArgv(input: LaunchInput): string[] {
  const { tools, limits, cgroupProcsFiles, dropTo, memoryByRlimit, jailArgs, seccompFile } = input;
  const cpu = Math.max(1, Math.ceil(limits.cpuTimeSeconds));
  const rlimits = [
    // Soft limit sends SIGXCPU, the hard limit a second later SIGKILL.
    `--cpu=${cpu}:${cpu + 1}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    '--core=0',
  ];
  if (memoryByRlimit) rlimits.push(`--as=${limits.memoryBytes}`);
  const argv = [...(seccompFile ? ['--seccomp', seccompFile] : []), ...cgroupProcsFiles, '--', tools.prlimit, ...rlimits, '--'];
  if (dropTo) {
    argv.push(tools.setpriv!, `--reuid=${dropTo.uid}`, `--regid=${dropTo.gid}`, '--clear-groups', '--inh-caps=-all', '--');
  }
  argv.push(tools.bwrap, ...jailArgs);
  return argv;
}
