// The jail launcher does the launch chain itself (build-launch-argv.ts, buildNativeLaunch) instead
// of exec'ing bash → prlimit → setpriv → bwrap. The jail it starts must be the same: the same uid,
// gid, groups and capabilities, rlimits, cgroups, fds and (empty) environment for bwrap on the
// host, and the same view from inside. Both are read here side by side.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildNativeLaunch } from '@/grading/sandbox/build-launch-argv';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { createJailLauncher, nativeJailLauncher, perlJailLauncher } from '@/grading/sandbox/create-jail-launcher';
import { DEFAULT_LIMITS } from '@/grading/sandbox/sandbox-driver';

const native = createBwrapDriver({ nativeChain: true });
const execd = createBwrapDriver({ nativeChain: false });

const INSIDE = 'grep -E "^(Uid|Gid|Groups|Cap|NoNewPrivs|Seccomp)" /proc/self/status; cat /proc/self/limits; cat /proc/self/cgroup; fds=(/proc/$$/fd/*); echo "${fds[@]##*/}"; /usr/bin/env | sort';
// The run id differs per run; everything else must not.
const sameShape = (text: string) => text.replace(/\d+-\d+-[0-9a-f]{8}/g, 'RUN');

// What the host sees of the outer bwrap while the jail runs (found by a marker in its argv).
async function hostView(driver: ReturnType<typeof createBwrapDriver>, limits: Record<string, number> = {}) {
  const marker = `chain-${Math.random().toString(36).slice(2)}`;
  const run = driver.run({ command: ['/bin/bash', '-c', `sleep 1; : ${marker}`], limits });
  let view: { status: string[]; limits: string; cgroups: string; environ: string } | null = null;
  for (let i = 0; i < 40 && !view; i++) {
    await new Promise((r) => setTimeout(r, 25));
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (!cmdline.includes(`sleep 1; : ${marker}`) || !cmdline[0]!.endsWith('bwrap')) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').filter((line) => /^(Uid|Gid|Groups|Cap|NoNewPrivs|Seccomp)/.test(line));
        // Taken twice: bwrap's own setup briefly holds more fds (its pid namespace's, the filter's).
        if (status.some((line) => line.startsWith('Seccomp:') && !line.endsWith('2'))) continue;
        view = {
          status,
          limits: readFileSync(`/proc/${pid}/limits`, 'utf8'),
          cgroups: sameShape(readFileSync(`/proc/${pid}/cgroup`, 'utf8')),
          environ: readFileSync(`/proc/${pid}/environ`, 'utf8'),
        };
      } catch {
        // The process ended meanwhile.
      }
    }
  }
  const result = await run;
  expect(result.exitCode).toBe(0);
  return view;
}

describe('the launch chain done by the launcher', () => {
  it('starts jails that look the same from inside as the exec\'d chain\'s', async () => {
    for (const limits of [{}, { cpuTimeSeconds: 2, fileSizeBytes: 123_456, openFiles: 40 }]) {
      const [a, b] = await Promise.all([native.run({ command: ['/bin/bash', '-c', INSIDE], limits }), execd.run({ command: ['/bin/bash', '-c', INSIDE], limits })]);
      expect(a.infraError).toBeNull();
      expect(a.exitCode).toBe(0);
      expect(sameShape(a.stdout)).toBe(sameShape(b.stdout));
      expect(a.stdout).toContain('Max open files            ' + (limits.openFiles ?? 256));
    }
  });

  it('leaves bwrap on the host with the same uid, groups, capabilities, rlimits and cgroups, and an empty environment', async () => {
    const limits = { cpuTimeSeconds: 3, fileSizeBytes: 654_321 };
    const a = await hostView(native, limits);
    const b = await hostView(execd, limits);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a!.environ).toBe('');
    // What differs, and must not (the old chain's bash left SHLVL=0 in bwrap's environment).
    expect({ ...a, environ: null }).toEqual({ ...b, environ: null });
    expect(a!.limits).toMatch(/Max cpu time +3 +4 /);
    expect(a!.limits).toMatch(/Max file size +654321 +654321 /);
    if (process.getuid?.() === 0) {
      expect(a!.status).toContain('Uid:\t65534\t65534\t65534\t65534');
      expect(a!.status.some((line) => /^Groups:\s*$/.test(line))).toBe(true);
      expect(a!.status).toContain('CapInh:\t0000000000000000');
      expect(a!.status).toContain('CapPrm:\t0000000000000000');
    }
  });

  it.each(['C', 'Perl'])('fails with 126 on a filter it cannot open and 125 on a cgroup it cannot join, before running anything (%s launcher)', async (build) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-launcher-test-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const launcher = createJailLauncher(build === 'C' ? (await nativeJailLauncher(dir))! : perlJailLauncher('/usr/bin/perl'));
    const caps = { stdout: 4096, stderr: 4096, status: 4096 };
    const tools = { bash: '/bin/bash', bwrap: '/bin/echo', prlimit: '/usr/bin/prlimit', setpriv: null };
    const launch = (input: Partial<Parameters<typeof buildNativeLaunch>[0]>) => {
      const jail = launcher.launch(buildNativeLaunch({ tools, limits: DEFAULT_LIMITS, cgroupProcsFiles: [], dropTo: null, memoryByRlimit: false, jailArgs: ['ran'], ...input }), { stdin: '', caps, native: true });
      return Promise.all([jail.exit, jail.stdout.done, jail.stderr.done]).then(([exit]) => ({ exit, stdout: jail.stdout.result().text, stderr: jail.stderr.result().text }));
    };
    expect(await launch({})).toMatchObject({ exit: { code: 0 }, stdout: 'ran\n' });
    const noFilter = await launch({ seccompFile: '/nonexistent/seccomp.bpf' });
    expect(noFilter).toMatchObject({ exit: { code: 126 }, stdout: '' });
    expect(noFilter.stderr).toContain('/nonexistent/seccomp.bpf');
    const noCgroup = await launch({ cgroupProcsFiles: ['/nonexistent/cgroup.procs'] });
    expect(noCgroup).toMatchObject({ exit: { code: 125 }, stdout: '' });
    // Limits reach the command (here the plain echo, no jail).
    const limited = launcher.launch(buildNativeLaunch({ tools: { ...tools, bwrap: '/bin/bash' }, limits: { ...DEFAULT_LIMITS, openFiles: 33, cpuTimeSeconds: 4 }, cgroupProcsFiles: [], dropTo: null, memoryByRlimit: true, jailArgs: ['-c', 'ulimit -n; ulimit -t; ulimit -H -t; ulimit -v; fds=(/proc/$$/fd/*); echo "${fds[@]##*/}"'] }), { stdin: '', caps, native: true });
    await Promise.all([limited.exit, limited.stdout.done]);
    expect(limited.stdout.result().text).toBe(`33\n4\n5\n${DEFAULT_LIMITS.memoryBytes / 1024}\n0 1 2 3 4\n`);
  });
});
