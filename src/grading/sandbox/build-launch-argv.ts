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

// The rlimits of every jail: [resource, soft, hard]. Resource numbers are the generic ones (x86-64
// and arm64 share them).
const RLIMIT = { cpu: 0, fsize: 1, core: 4, nofile: 7, as: 9 } as const;
export type Rlimit = [resource: keyof typeof RLIMIT, soft: number, hard: number];

export function jailRlimits(limits: SandboxLimits, memoryByRlimit: boolean): Rlimit[] {
  const cpu = Math.max(1, Math.ceil(limits.cpuTimeSeconds));
  const rlimits: Rlimit[] = [
    // Soft limit sends SIGXCPU, the hard limit a second later SIGKILL.
    ['cpu', cpu, cpu + 1],
    ['fsize', limits.fileSizeBytes, limits.fileSizeBytes],
    ['nofile', limits.openFiles, limits.openFiles],
    ['core', 0, 0],
  ];
  if (memoryByRlimit) rlimits.push(['as', limits.memoryBytes, limits.memoryBytes]);
  return rlimits;
}

export function buildLaunchArgv(input: LaunchInput): string[] {
  const { tools, limits, cgroupProcsFiles, dropTo, memoryByRlimit, jailArgs, seccompFile } = input;
  const rlimits = jailRlimits(limits, memoryByRlimit).map(([name, soft, hard]) => `--${name}=${soft === hard ? soft : `${soft}:${hard}`}`);
  const argv = [tools.bash, '--norc', '--noprofile', '-c', LAUNCHER, 'rehearse-launch', ...(seccompFile ? ['--seccomp', seccompFile] : []), ...cgroupProcsFiles, '--', tools.prlimit, ...rlimits, '--'];
  if (dropTo) {
    argv.push(tools.setpriv!, `--reuid=${dropTo.uid}`, `--regid=${dropTo.gid}`, '--clear-groups', '--inh-caps=-all', '--');
  }
  argv.push(tools.bwrap, ...jailArgs);
  return argv;
}

// The same chain done by the jail launcher itself, in the forked child, without exec'ing bash,
// prlimit and setpriv (three program starts per jail): it keeps fds 0-3, opens the seccomp filter
// as fd 4, joins the cgroups, sets the same rlimits, drops to the same uid and gid with no
// supplementary groups and no inheritable capabilities (what setpriv --reuid --regid
// --clear-groups --inh-caps=-all leaves), checks the result and execs bwrap. The system calls are
// made by number (perl-base has no module for rlimits or capabilities), so only the architectures
// below get it; elsewhere the launcher runs the exec'd chain (buildLaunchArgv).
const SYSCALLS: Partial<Record<NodeJS.Architecture, { setrlimit: number; setgroups: number; setresgid: number; setresuid: number; capset: number }>> = {
  // arch/x86/entry/syscalls/syscall_64.tbl
  x64: { setrlimit: 160, setgroups: 116, setresgid: 119, setresuid: 117, capset: 126 },
  // include/uapi/asm-generic/unistd.h
  arm64: { setrlimit: 164, setgroups: 159, setresgid: 149, setresuid: 147, capset: 91 },
};

export function canLaunchNatively(arch: NodeJS.Architecture = process.arch) {
  return SYSCALLS[arch] !== undefined;
}

// The launcher's "R" request (jail-launcher-source.ts, prepare_chain): counted lists, so nothing
// after them (bwrap's own arguments) is read as a step.
export function buildNativeLaunch(input: LaunchInput, arch: NodeJS.Architecture = process.arch): string[] {
  const sys = SYSCALLS[arch];
  if (!sys) throw new Error(`no system call numbers for ${arch}`);
  const { tools, limits, cgroupProcsFiles, dropTo, memoryByRlimit, jailArgs, seccompFile } = input;
  const rlimits = jailRlimits(limits, memoryByRlimit);
  return [
    String(sys.setrlimit), String(sys.setgroups), String(sys.setresgid), String(sys.setresuid), String(sys.capset),
    seccompFile ?? '',
    String(cgroupProcsFiles.length), ...cgroupProcsFiles,
    String(rlimits.length), ...rlimits.flatMap(([name, soft, hard]) => [String(RLIMIT[name]), String(soft), String(hard)]),
    dropTo ? String(dropTo.uid) : '-', dropTo ? String(dropTo.gid) : '-',
    tools.bwrap, ...jailArgs,
  ];
}
