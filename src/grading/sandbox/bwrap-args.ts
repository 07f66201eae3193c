// The bubblewrap command line for one run. Pure (the host layout is passed in) so it can be
// unit-tested; run-in-sandbox.ts does the I/O.
import { WORK_DIR, type SandboxLimits } from './sandbox-spec';

// Where the staging dir (files the spec asks for) is mounted read-only before being copied into
// the size-limited work dir.
export const STAGING_MOUNT = '/.rehearse-in';

// Host paths the jail may see. /etc is built from single files: bash and python need the loader
// cache and their own config, nothing else (no passwd, shadow, hosts, resolv.conf).
export const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
export const ETC_ENTRIES = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/python3', '/etc/python3.11', '/etc/localtime'];

export type HostEntry = { path: string; kind: 'dir' | 'file' | 'symlink'; target?: string };

// Runs inside the jail as the first process (dash). It copies the staged files into the work dir,
// starts the command under prlimit, closes its own copy of the event channel so nothing in the
// jail can reach it through /proc/<launcher>/fd, waits, kills every other process in the pid
// namespace (daemons and stragglers included), then sends the requested files back on fd 4.
export const LAUNCHER = `
readback=$1; events=$2; shift 2
cp -R ${STAGING_MOUNT}/. ${WORK_DIR}/ || { echo "sandbox: could not stage files" >&2; exit 125; }
# A background job's stdin would be /dev/null: hand the real one over on fd 5.
exec 5<&0 0</dev/null
if [ "$events" = 1 ]; then
  "$@" 0<&5 5<&- 4>&- &
  child=$!
  exec 3>&-
else
  "$@" 0<&5 5<&- 3>&- 4>&- &
  child=$!
fi
exec 5<&-
wait "$child"; rc=$?
kill -s KILL -- -1 2>/dev/null
printf '%s\\n' "$readback" | while IFS= read -r f; do
  [ -n "$f" ] || continue
  p="${WORK_DIR}/$f"
  if [ -f "$p" ] && [ ! -h "$p" ]; then
    printf '%s\\n%s\\n' "$f" "$(wc -c < "$p")" >&4
    cat "$p" >&4
  fi
done
exec 4>&-
exit "$rc"
`;

// The host-side wrapper (bash, empty environment): closes every fd above 4 that our own parent
// may have leaked into Node (libuv passes on fds it did not open), joins the run's cgroups, then
// becomes bwrap. "$0" is bwrap's path, "$@" its arguments.
export function hostWrapperScript(cgroupProcsFiles: string[]): string {
  const join = cgroupProcsFiles.map((file) => `echo $$ > '${file}' || { echo "sandbox: cannot join cgroup ${file}" >&2; exit 126; }\n`).join('');
  return `for fd in /proc/$$/fd/*; do n=\${fd##*/}; if [ "$n" -gt 4 ]; then eval "exec $n>&-" 2>/dev/null; fi; done\n${join}exec "$0" "$@"\n`;
}

export function buildBwrapArgs({
  hostEntries,
  stagingDir,
  limits,
  env,
  command,
  readBack,
  eventChannel,
}: {
  hostEntries: HostEntry[];
  stagingDir: string;
  limits: SandboxLimits;
  env: Record<string, string>;
  command: string[];
  readBack: string[];
  eventChannel: boolean;
}): string[] {
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL', '--uid', '1000', '--gid', '1000', '--hostname', 'sandbox'];
  for (const entry of hostEntries) {
    if (entry.kind === 'symlink' && entry.target) args.push('--symlink', entry.target, entry.path);
    else args.push('--ro-bind', entry.path, entry.path);
  }
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--size', String(limits.tmpBytes), '--tmpfs', '/tmp');
  args.push('--size', String(limits.tmpBytes), '--tmpfs', '/dev/shm');
  args.push('--size', String(limits.workDirBytes), '--tmpfs', WORK_DIR);
  args.push('--ro-bind', stagingDir, STAGING_MOUNT);
  args.push('--remount-ro', '/');
  // bash exports SHLVL/PWD/_ even from an empty environment: start the jail from nothing.
  args.push('--clearenv');
  const fullEnv: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: WORK_DIR, LANG: 'C.UTF-8', ...env };
  for (const [key, value] of Object.entries(fullEnv)) args.push('--setenv', key, value);
  args.push('--chdir', WORK_DIR);
  return args.concat(['/bin/sh', '-c', LAUNCHER, 'rehearse-launcher', readBack.join('\n'), eventChannel ? '1' : '0', ...command]);
}

// Without a memory cgroup, RLIMIT_AS stands in for memory (coarser: it counts reserved address space).
export function prlimitPrefix(limits: SandboxLimits, memoryRlimitBytes?: number): string[] {
  const prefix = [
    '/usr/bin/prlimit',
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    '--core=0',
  ];
  if (memoryRlimitBytes) prefix.push(`--as=${memoryRlimitBytes}`);
  return prefix.concat('--');
}
