// The real sandbox: every run gets a fresh bubblewrap jail (see build-jail-args.ts), its own
// cgroup (memory, processes, CPU share) and rlimits (CPU time, file size, open files), a wall-time
// limit that kills the whole process tree, and capped output. Everything is asynchronous: the
// worker stays responsive while an answer burns CPU. What is the same for every run (the seccomp
// filter, the jail's /etc) is written once per driver (prepare-sandbox-home.ts).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { buildJailArgs } from './build-jail-args';
import { buildLaunchArgv, buildNativeLaunch, canLaunchNatively } from './build-launch-argv';
import { createJailLauncher, nativeJailLauncher, perlJailLauncher, type JailLauncher } from './create-jail-launcher';
import { createCgroupGroup, createRunCgroup, GROUP_PREFIX, type RunCgroup } from './create-run-cgroup';
import { AHEAD_OF_CLAIM_CPU_SHARES, DEFAULT_CPU_SHARES, detectCgroups, type CgroupSupport } from './detect-cgroups';
import { findSandboxTools, type SandboxTools } from './find-sandbox-tools';
import { hasPerl } from './has-perl';
import { openChannel, type Channel } from './open-channel';
import { prepareSandboxHome, type SandboxHome } from './prepare-sandbox-home';
import { readHostLayout } from './read-host-layout';
import { seccompProgramForHost } from './seccomp-filter';
import { STATUS_FD, superviseJail } from './supervise-jail';
import {
  DEFAULT_LIMITS,
  PERL_PATH,
  sandboxInfraResult,
  type KillReason,
  type SandboxDriver,
  type SandboxResult,
  type SandboxSpec,
} from './sandbox-driver';
import { errorMessage } from '@/lib/error-message';

export type BwrapDriverOptions = {
  // Where bwrap is (default: found on PATH); tests point it at a missing file.
  bwrapPath?: string;
  // Host user the jail runs as when the worker is root (default nobody).
  sandboxUser?: { uid: number; gid: number };
  cgroupRoot?: string;
  // Set false to force the rlimit fallback (tests of the degraded mode).
  useCgroups?: boolean;
  // Set false to fork jails from this process as without perl (the benchmark compares both).
  useLauncher?: boolean;
  // Set false to have the launcher exec bash → prlimit → setpriv → bwrap instead of doing those
  // steps itself (tests and the benchmark compare both).
  nativeChain?: boolean;
  // Set false so harnesses keep no jail pre-started between gradings (benchmarks compare both).
  prestart?: boolean;
  // The CPU priority of the jails as a nice value (default: this process's; detect-cgroups.ts).
  nice?: number;
};

let runCounter = 0;
const SECCOMP_FD = 4;
const SECCOMP_PROGRAM = seccompProgramForHost();

export function createBwrapDriver(options: BwrapDriverOptions = {}): SandboxDriver {
  const isRoot = process.getuid?.() === 0;
  const dropTo = isRoot ? (options.sandboxUser ?? { uid: 65534, gid: 65534 }) : null;
  let setup: Promise<{ tools: SandboxTools; cgroups: CgroupSupport; home: SandboxHome; launcher: JailLauncher | null } | { missing: string }> | null = null;
  const prepare = () =>
    (setup ??= (async () => {
      const found = await findSandboxTools({ bwrapPath: options.bwrapPath, needSetpriv: isRoot });
      if ('missing' in found) return found;
      const cgroups: CgroupSupport =
        options.useCgroups === false
          ? { version: null, reason: 'cgroups disabled by configuration' }
          : await detectCgroups({ root: options.cgroupRoot, nice: options.nice });
      const home = await prepareSandboxHome(dropTo, SECCOMP_PROGRAM, (await readHostLayout()).etcEntries);
      // Forks the jails' launch chains so this process does not (jail-launcher-source.ts): the C
      // build when this host compiles it, else Perl's; without either, Node forks them itself.
      const launcherCommand = options.useLauncher === false ? null : ((await nativeJailLauncher(home.root)) ?? (hasPerl() ? perlJailLauncher(PERL_PATH) : null));
      return { tools: found.tools, cgroups, home, launcher: launcherCommand ? createJailLauncher(launcherCommand) : null };
    })().catch((error: Error) => {
      // Not cached: the next run tries again (a full temp dir may have been cleared meanwhile).
      setup = null;
      return { missing: `could not prepare the sandbox's host folder: ${error.message}` };
    }));

  // Group cgroups in use, with how many runs hold each; the last run out removes it. The folder
  // names this process, so that the leftover sweep can remove it once the process is gone (one
  // that died holding warm jails never got to remove it: empty folders piled up by the hundred).
  // A group made for jails started ahead (a warm set) keeps their low CPU weight until the first
  // of them is claimed, or a run that starts at once joins it.
  type GroupEntry = { ready: ReturnType<typeof createCgroupGroup>; users: number; low: boolean };
  const groups = new Map<string, GroupEntry>();
  async function joinGroup(support: Exclude<CgroupSupport, { version: null }>, name: string, aheadOfClaim: boolean) {
    const dir = `${GROUP_PREFIX}${process.pid}-${name}`;
    let entry = groups.get(dir);
    if (!entry) {
      const ready = createCgroupGroup(support, dir).then((made) => {
        if (aheadOfClaim) made.setCpuShares(AHEAD_OF_CLAIM_CPU_SHARES);
        return made;
      });
      entry = { ready, users: 0, low: aheadOfClaim };
      groups.set(dir, entry);
    }
    entry.users++;
    const current = entry;
    const leave = async () => {
      if (--current.users > 0) return;
      groups.delete(dir);
      await (await current.ready).remove();
    };
    const claimed = async () => {
      if (!current.low) return;
      current.low = false;
      (await current.ready).setCpuShares(DEFAULT_CPU_SHARES);
    };
    try {
      await current.ready;
      if (!aheadOfClaim) await claimed();
    } catch (error) {
      await leave().catch(() => {});
      throw error;
    }
    return { dir, leave, claimed };
  }

  async function run(spec: SandboxSpec): Promise<SandboxResult> {
    const started = performance.now();
    const limits = { ...DEFAULT_LIMITS, ...spec.limits };
    const ready = await prepare();
    if ('missing' in ready) return sandboxInfraResult(ready.missing);
    const notes: string[] = [];
    if (!ready.cgroups.version) {
      notes.push(
        `cgroups unavailable (${ready.cgroups.reason}): memory is limited by RLIMIT_AS and processes by RLIMIT_NPROC inside the jail's user namespace; the whole-tree kill relies on the pid namespace`,
      );
    }
    if (!SECCOMP_PROGRAM) notes.push(`no seccomp filter for ${process.arch}: the jail runs without one`);
    const { home } = ready;
    let files: { dir: string; release: () => Promise<void> } | null = null;
    let cgroup: RunCgroup | null = null;
    let channel: Channel | null = null;
    let channelPath: string | null = null;
    let group: Awaited<ReturnType<typeof joinGroup>> | null = null;
    // Started ahead of its grading (a warm jail): at a low CPU weight until the claim arms its wall.
    const aheadOfClaim = spec.deferredWall !== undefined;
    let over = false;
    const adding: Promise<void>[] = [];
    try {
      // The run's files, its cgroup and its channel do not depend on each other: set them up at
      // once (each is a few round trips to libuv's thread pool).
      const id = `${process.pid}-${++runCounter}-${randomBytes(4).toString('hex')}`;
      const support = ready.cgroups.version ? ready.cgroups : null;
      const [filesSetup, cgroupSetup, channelSetup] = await Promise.allSettled([
        home.acquireFiles(spec.files ?? [], spec.lateFiles !== undefined),
        support
          ? (async () => {
              if (spec.group) group = await joinGroup(support, spec.group.replace(/[^\w-]/g, '_'), aheadOfClaim);
              const made = await createRunCgroup(support, id, limits, group?.dir);
              if (aheadOfClaim) {
                // The weight is the group's when it has one (its jails share it), else the run's.
                const joined = group;
                if (!joined) made.setCpuShares(AHEAD_OF_CLAIM_CPU_SHARES);
                void spec.deferredWall!.then(() => (joined ? joined.claimed() : made.setCpuShares(DEFAULT_CPU_SHARES)));
              }
              return made;
            })()
          : null,
        spec.channel ? openChannel((channelPath = home.channelPath()), dropTo, spec.channel, spec.channelConnections, spec.background === true) : null,
      ]);
      // Kept first, so the finally below releases whatever was set up when another step failed.
      if (filesSetup.status === 'fulfilled') files = filesSetup.value;
      if (cgroupSetup.status === 'fulfilled') cgroup = cgroupSetup.value;
      if (channelSetup.status === 'fulfilled') channel = channelSetup.value;
      if (filesSetup.status === 'rejected') return sandboxInfraResult(`could not write the run's files: ${errorMessage(filesSetup.reason)}`, notes);
      if (cgroupSetup.status === 'rejected') return sandboxInfraResult(`could not create the run's cgroup: ${errorMessage(cgroupSetup.reason)}`, notes);
      if (channelSetup.status === 'rejected') throw channelSetup.reason;
      const filesDir = filesSetup.value.dir;
      // Not once the run is over: its folder is being removed (writing would make it again); one
      // under way when it ends is waited for before the folder is removed.
      spec.lateFiles?.((late) => {
        if (over) return Promise.reject(new Error('the run has ended'));
        const added = home.addFiles(filesDir, late);
        adding.push(added.catch(() => {}));
        return added;
      });
      // Without a pids cgroup, RLIMIT_NPROC set INSIDE the jail's user namespace counts only that
      // namespace's processes (Linux 5.14+ ucounts); set outside, it would count all runs together.
      const command = cgroup ? spec.command : [ready.tools.prlimit, `--nproc=${limits.maxProcesses}`, '--', ...spec.command];
      const jailArgs = buildJailArgs({
        layout: await readHostLayout(),
        filesDir,
        etcDir: home.etcDir,
        channelSocket: channelPath,
        limits,
        env: spec.env ?? {},
        command,
        statusFd: STATUS_FD,
        asPid1: spec.asPid1,
        ...(home.seccompFile ? { seccompFd: SECCOMP_FD } : {}),
      });
      const launch = {
        tools: ready.tools,
        limits,
        cgroupProcsFiles: cgroup?.procsFiles ?? [],
        dropTo,
        memoryByRlimit: !cgroup,
        jailArgs,
        seccompFile: home.seccompFile ?? undefined,
      };
      const native = ready.launcher !== null && options.nativeChain !== false && canLaunchNatively();
      const argv = native ? buildNativeLaunch(launch) : buildLaunchArgv(launch);
      const outcome = await superviseJail(argv, spec, limits, cgroup, ready.launcher, native);
      const oom = cgroup ? cgroup.wasOomKilled() : false;
      // 128 + SIGXCPU: the CPU-time rlimit's soft signal (a candidate exiting 152 on purpose only
      // mislabels its own run).
      const cpu = outcome.exitCode === 128 + 24;
      const killedBy: KillReason | null = outcome.killedBy ?? (oom ? 'memory' : cpu ? 'cpu-time' : null);
      return {
        infraError: outcome.infraError,
        exitCode: outcome.exitCode,
        signal: outcome.signal,
        stdout: outcome.stdout.text,
        stderr: outcome.stderr.text,
        stdoutTruncated: outcome.stdout.truncated,
        stderrTruncated: outcome.stderr.truncated,
        timedOut: killedBy === 'wall-time',
        killedBy,
        ...(outcome.wallLimitMs === null ? {} : { wallLimitMs: outcome.wallLimitMs }),
        durationMs: Math.round(performance.now() - started),
        notes,
      };
    } finally {
      over = true;
      await Promise.all(adding);
      channel?.close();
      const removeCgroups = async () => {
        if (cgroup) {
          await cgroup.killAll();
          await cgroup.remove().catch((error: Error) => notes.push(error.message));
        }
        await group?.leave().catch((error: Error) => notes.push(error.message));
      };
      await Promise.all([removeCgroups(), files?.release(), channelPath ? rm(channelPath, { force: true }) : null]);
    }
  }

  return { name: 'bwrap', run, prestarts: options.prestart !== false };
}
