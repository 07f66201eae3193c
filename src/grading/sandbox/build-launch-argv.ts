// The host-side chain that starts a jail: bash closes every fd the worker inherited without
// close-on-exec (libuv closes only the ones it opened) and joins the run's cgroups (writing its
// own pid before anything can fork, so nothing escapes them), prlimit sets the rlimits, setpriv
// drops root to the sandbox user, and bwrap builds the jail. Each step execs the next: one
// process, one pid. bash rather than sh: dash cannot close fds above 9.
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

// Keeps fds 0-3 (stdio and bwrap's status fd), opens the seccomp filter as fd 4 when given (bwrap
// reads and closes it), joins each cgroup.procs file given before "--", then execs the rest.
const LAUNCHER = [
  // The redirection is per close: on the whole loop, bash would park stderr on a high fd and the
  // loop would close that too.
  'for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 3 ]; then eval "exec $fd>&-" 2>/dev/null; fi; done',
  'if [ "$1" = --seccomp ]; then exec 4<"$2" || exit 126; shift 2; fi',
  'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift',
  'unset PWD OLDPWD SHLVL',
  'exec "$@"',
].join('\n');

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
  const argv = [tools.bash, '--norc', '--noprofile', '-c', LAUNCHER, 'rehearse-launch', ...(seccompFile ? ['--seccomp', seccompFile] : []), ...cgroupProcsFiles, '--', tools.prlimit, ...rlimits, '--'];
  if (dropTo) {
    argv.push(tools.setpriv!, `--reuid=${dropTo.uid}`, `--regid=${dropTo.gid}`, '--clear-groups', '--inh-caps=-all', '--');
  }
  argv.push(tools.bwrap, ...jailArgs);
  return argv;
}
