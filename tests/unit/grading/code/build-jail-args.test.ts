// The jail's shape, checked without a jail: every namespace unshared, read-only root, every
// writable mount a sized tmpfs, nothing of the host but the system directories.
import { describe, expect, it } from 'vitest';
import { buildJailArgs } from '@/grading/sandbox/build-jail-args';
import { buildLaunchArgv, buildNativeLaunch } from '@/grading/sandbox/build-launch-argv';
import { DEFAULT_LIMITS } from '@/grading/sandbox/sandbox-driver';

const layout = { systemDirs: [{ path: '/usr', symlinkTo: null }, { path: '/bin', symlinkTo: 'usr/bin' }] };
const args = buildJailArgs({ layout, filesDir: '/tmp/run/files', etcDir: '/tmp/run/etc', limits: DEFAULT_LIMITS, env: { X: '1' }, command: ['/bin/true'], statusFd: 3 });
const joined = args.join(' ');

describe('buildJailArgs', () => {
  it('unshares everything and ties the jail to its parent', () => {
    for (const flag of ['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--clearenv']) expect(args).toContain(flag);
    expect(joined).toContain('--cap-drop ALL');
    expect(joined).toContain('--proc /proc');
  });

  it('gives every writable mount a size, including /dev/shm', () => {
    expect(joined).toContain(`--size ${DEFAULT_LIMITS.shmBytes} --tmpfs /dev/shm`);
    expect(joined).toContain(`--size ${DEFAULT_LIMITS.tmpDirBytes} --tmpfs /tmp`);
    expect(joined).toContain(`--size ${DEFAULT_LIMITS.workDirBytes} --tmpfs /work`);
    expect(joined).toContain('--remount-ro /');
  });

  it('binds the channel socket alone, and only when the run has a channel', () => {
    expect(joined).not.toContain('/run/rehearse');
    const withChannel = buildJailArgs({ layout, filesDir: '/f', etcDir: '/s', channelSocket: '/home/jail/channel-7.sock', limits: DEFAULT_LIMITS, env: {}, command: ['/bin/true'], statusFd: 3 });
    expect(withChannel.join(' ')).toContain('--ro-bind /home/jail/channel-7.sock /run/rehearse/channel.sock');
    // Not the folder it is in, which holds every other run's socket and files.
    expect(withChannel.join(' ')).not.toMatch(/--ro-bind \/home\/jail[ /](?!channel-7)/);
  });

  it('binds only system directories read-only, and never a writable host path', () => {
    expect(args).not.toContain('--bind');
    expect(joined).toContain('--ro-bind /usr /usr');
    expect(joined).toContain('--symlink usr/bin /bin');
    // The jail's /etc is the driver's own folder (passwd, group, copies): never the host's.
    expect(joined).toContain('--ro-bind /tmp/run/etc /etc');
    expect(joined).not.toMatch(/--ro-bind \/(root|home|etc)[/ ]/);
  });

  it('ends with the command after --, so its arguments are never bwrap options', () => {
    expect(args.slice(-2)).toEqual(['--', '/bin/true']);
  });

  it('makes the command pid 1 only when asked (no bwrap init whose status fd the jail could reach)', () => {
    expect(args).not.toContain('--as-pid-1');
    const asPid1 = buildJailArgs({ layout, filesDir: '/f', etcDir: '/s', limits: DEFAULT_LIMITS, env: {}, command: ['/bin/true'], statusFd: 3, asPid1: true });
    expect(asPid1).toContain('--as-pid-1');
    expect(asPid1.indexOf('--as-pid-1')).toBeLessThan(asPid1.indexOf('--'));
  });
});

describe('buildLaunchArgv', () => {
  const tools = { bash: '/bin/bash', bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv' };

  it('joins the cgroups, sets rlimits and drops root before bwrap, and never uses RLIMIT_NPROC', () => {
    const argv = buildLaunchArgv({ tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: ['/cg/a/cgroup.procs'], dropTo: { uid: 65534, gid: 65534 }, memoryByRlimit: false, jailArgs: ['--x'] });
    const order = ['/bin/bash', '/cg/a/cgroup.procs', '/usr/bin/prlimit', '/usr/bin/setpriv', '/usr/bin/bwrap'].map((part) => argv.indexOf(part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(argv).toContain('--reuid=65534');
    expect(argv.some((arg) => arg.startsWith('--nproc'))).toBe(false);
    expect(argv.some((arg) => arg.startsWith('--as='))).toBe(false);
  });

  it('falls back to RLIMIT_AS for memory without a cgroup', () => {
    const argv = buildLaunchArgv({ tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: [], dropTo: null, memoryByRlimit: true, jailArgs: [] });
    expect(argv).toContain(`--as=${DEFAULT_LIMITS.memoryBytes}`);
    expect(argv).not.toContain('/usr/bin/setpriv');
  });
});

describe('buildNativeLaunch', () => {
  const tools = { bash: '/bin/bash', bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv' };

  it('lists the same steps as the exec\'d chain, counted, before bwrap and its arguments', () => {
    const input = { tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: ['/cg/a/cgroup.procs', '/cg/b/cgroup.procs'], dropTo: { uid: 65534, gid: 65534 }, memoryByRlimit: false, jailArgs: ['--x', '--'], seccompFile: '/s.bpf' };
    const cpu = DEFAULT_LIMITS.cpuTimeSeconds;
    expect(buildNativeLaunch(input, 'x64')).toEqual([
      '160', '116', '119', '117', '126', '/s.bpf',
      '2', '/cg/a/cgroup.procs', '/cg/b/cgroup.procs',
      '4', '0', String(cpu), String(cpu + 1), '1', String(DEFAULT_LIMITS.fileSizeBytes), String(DEFAULT_LIMITS.fileSizeBytes), '7', '256', '256', '4', '0', '0',
      '65534', '65534', '/usr/bin/bwrap', '--x', '--',
    ]);
    expect(buildNativeLaunch(input, 'arm64').slice(0, 5)).toEqual(['164', '159', '149', '147', '91']);
    expect(() => buildNativeLaunch(input, 'riscv64')).toThrow();
  });

  it('adds RLIMIT_AS without a cgroup and keeps root out of it when not root', () => {
    const argv = buildNativeLaunch({ tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: [], dropTo: null, memoryByRlimit: true, jailArgs: [] }, 'x64');
    expect(argv.slice(5)).toEqual(['', '0', '5', '0', '10', '11', '1', '8388608', '8388608', '7', '256', '256', '4', '0', '0', '9', String(DEFAULT_LIMITS.memoryBytes), String(DEFAULT_LIMITS.memoryBytes), '-', '-', '/usr/bin/bwrap']);
  });
});

describe('seccomp hook', () => {
  it('passes the filter fd to bwrap and has the launcher open the file as that fd', () => {
    const withFilter = buildJailArgs({ layout, filesDir: '/f', etcDir: '/s', limits: DEFAULT_LIMITS, env: {}, command: ['/bin/true'], statusFd: 3, seccompFd: 4 });
    expect(withFilter.join(' ')).toContain('--seccomp 4 --json-status-fd 3 --');
    const tools = { bash: '/bin/bash', bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit', setpriv: null };
    const argv = buildLaunchArgv({ tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: ['/cg/a'], dropTo: null, memoryByRlimit: false, jailArgs: [], seccompFile: '/run/x/seccomp.bpf' });
    expect(argv.slice(argv.indexOf('rehearse-launch'), argv.indexOf('--'))).toEqual(['rehearse-launch', '--seccomp', '/run/x/seccomp.bpf', '/cg/a']);
  });
});
