// Runs one launch chain and watches it: feeds stdin, captures capped stdout/stderr and bwrap's
// status fd, kills the whole jail at the wall-time limit or as soon as the process limit is hit,
// and tells a jail that never started (our failure) from a command that failed. The chain is
// forked by the driver's jail launcher (create-jail-launcher.ts), or by Node without one.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { captureStream } from './capture-stream';
import type { RunCgroup } from './create-run-cgroup';
import type { JailLauncher, LaunchedJail, LaunchExit } from './create-jail-launcher';
import { readHostCpuStallMs } from './host-cpu-stall';
import { parseBwrapStatus } from './parse-bwrap-status';
import { readCpuWaitMs } from './read-cpu-wait';
import type { KillReason, SandboxLimits, SandboxSpec } from './sandbox-driver';

// The fd bwrap reports its status on (--json-status-fd); the launcher keeps 0-3 open.
export const STATUS_FD = 3;
const POLL_MS = 25;
// A jail whose processes used this share of one CPU while its limit ran was running, not kept off
// the CPU: its limit does not stretch (see stretchedWall). A correct deploy script uses a few
// percent (it mostly waits on the fakes); one that spins uses its whole share of a busy host.
const SELF_BUSY_CPU_SHARE = 0.2;
// A jail whose live processes waited for a CPU this share of the time (summed over them) when its
// stretched limit ran out was starved, not hung: a script that sleeps or waits on a pipe is not
// runnable and waits for no CPU, however busy the host is.
const STARVED_WAIT_SHARE = 0.25;
const STATUS_BYTES = 64 * 1024;

export type JailOutcome = {
  infraError: string | null;
  exitCode: number | null;
  signal: string | null;
  killedBy: KillReason | null;
  // The wall-time limit when the run ended (stretched or not); null when none was armed.
  wallLimitMs: number | null;
  stdout: { text: string; truncated: boolean };
  stderr: { text: string; truncated: boolean };
};

// With a launcher, `native` says argv is a buildNativeLaunch() list (the launcher does the chain).
export async function superviseJail(argv: string[], spec: SandboxSpec, limits: SandboxLimits, cgroup: RunCgroup | null, launcher: JailLauncher | null = null, native = false): Promise<JailOutcome> {
  const jail = launcher
    ? launcher.launch(argv, { stdin: spec.stdin ?? '', caps: { stdout: limits.stdoutBytes, stderr: limits.stderrBytes, status: STATUS_BYTES }, native })
    : spawnFromNode(argv, spec, limits);
  let killedBy: KillReason | null = null;
  const killJail = (reason: KillReason) => {
    killedBy ??= reason;
    // The outer bwrap dying takes the jail's pid 1 with it (--die-with-parent), and with it the
    // whole pid namespace; the cgroup sweep catches anything mid-fork.
    jail.kill();
    void cgroup?.killAll();
  };
  const { stdout, stderr, status } = jail;

  let wall: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let ended = false;
  let wallLimitMs: number | null = null;
  const armWall = (ms: number) => {
    if (ended) return;
    wallLimitMs = ms;
    const stretch = spec.stretchWallOnBusyHost ?? 1;
    if (stretch > 1) {
      void stretchedWall(ms, ms * stretch);
    } else {
      wall = setTimeout(() => killJail('wall-time'), ms);
    }
    // A fork bomb meets pids.max at once; ending the run then stops it in milliseconds instead of
    // letting it spin until the wall-time limit.
    if (cgroup) {
      poll = setInterval(() => {
        if (cgroup.hitProcessLimit()) killJail('processes');
      }, POLL_MS);
      // The wall timer keeps the process alive while the run lasts.
      poll.unref();
    }
  };
  // The limit, extended by the CPU stall the host had meanwhile, at most to `cap` (whatever the
  // answer itself does, it cannot run longer than that). Without PSI it is the plain limit. The
  // stall is the whole host's, so a jail that kept a CPU busy itself (a fifth of one or more) is
  // not extended: its own spinning made the host busy, and a longer limit would only give it more
  // CPU to burn beside other gradings. At the cap, a jail whose own processes (with the grader
  // that serves them) spent a quarter of the time waiting for a CPU while the host's stall asked
  // for more, and which got less CPU than a fifth of its plain limit, is 'starved' (an infra
  // error: the answer is graded again). On a host that busy a hang may be called starved too:
  // retried, then "could not be graded", which is kinder than failing a correct answer as a hang.
  async function stretchedWall(ms: number, cap: number) {
    const armedAt = performance.now();
    const stallAtArm = readHostCpuStallMs();
    const usedAtArm = cgroup?.cpuUsedMs() ?? 0;
    const waitedAtArm = cgroup?.cpuWaitedMs() ?? new Map<number, number>();
    const graderWaitedAtArm = readCpuWaitMs('self');
    let allowed = ms;
    for (;;) {
      const left = allowed - (performance.now() - armedAt);
      if (left > 0) {
        await new Promise<void>((resolve) => (wall = setTimeout(resolve, left)));
        if (ended) return;
      }
      const stall = stallAtArm === null ? null : readHostCpuStallMs();
      const wanted = stall === null || stallAtArm === null ? ms : ms + (stall - stallAtArm);
      const next = Math.min(cap, wanted);
      const elapsed = performance.now() - armedAt;
      const used = cgroup ? cgroup.cpuUsedMs() - usedAtArm : 0;
      if (used >= SELF_BUSY_CPU_SHARE * elapsed) break;
      // Less than a timer's slack more: done. When the cap, not the stall, ended the extension,
      // the jail was kept off the CPU for longer than the cap allows for: its time says nothing
      // about the answer (a correct deploy script waited seconds for a `date` to start), so the
      // run is ours to repeat, not the candidate's timeout.
      if (next - allowed < 5) {
        // Each live process's wait since the limit was armed (all of it for one started since),
        // and the grader's own: a script that waits on a relayed call, or a supervisor on the
        // grader reading its report, is not runnable while the grader is kept off the CPU (a
        // correct deploy script's jail ran out at 15 s that way in CI, its work long done).
        let waited = 0;
        if (cgroup && wanted - cap >= 5) {
          for (const [pid, ms] of cgroup.cpuWaitedMs()) waited += ms - (waitedAtArm.get(pid) ?? 0);
          const graderWaited = readCpuWaitMs('self');
          if (graderWaited !== null && graderWaitedAtArm !== null) waited += graderWaited - graderWaitedAtArm;
        }
        // And it must have had less CPU than a fifth of its plain limit: a jail that got that much
        // had a fair run (six spinning scenario jails sharing two busy cores each get more), and
        // its timeout is its own.
        if (waited >= STARVED_WAIT_SHARE * elapsed && used < SELF_BUSY_CPU_SHARE * ms) return killJail('starved');
        break;
      }
      allowed = next;
      wallLimitMs = allowed;
    }
    killJail('wall-time');
  }
  if (spec.deferredWall) void spec.deferredWall.then(armWall);
  else armWall(limits.wallTimeMs);
  const cancel = () => killJail('cancelled');
  if (spec.signal?.aborted) cancel();
  spec.signal?.addEventListener('abort', cancel, { once: true });
  const exit = await jail.exit;
  ended = true;
  if (wall) clearTimeout(wall);
  spec.signal?.removeEventListener('abort', cancel);
  if (poll) clearInterval(poll);
  // Every jailed process is gone once bwrap has exited, so the pipes close; the bound is a guard.
  await Promise.race([Promise.all([stdout.done, stderr.done, status.done]), new Promise((r) => setTimeout(r, 2000))]);
  const bwrap = parseBwrapStatus(status.result().text);
  const err = stderr.result();
  let infraError: string | null = null;
  if (exit.spawnError) infraError = `could not start the sandbox: ${exit.spawnError.message}`;
  else if (killedBy === 'starved') infraError = describeStarved(limits.wallTimeMs, wallLimitMs);
  else if (!bwrap.started && !killedBy) infraError = describeStartFailure(exit.code, err.text);
  return {
    infraError,
    exitCode: killedBy ? null : (bwrap.exitCode ?? exit.code),
    signal: killedBy ? 'SIGKILL' : exit.signal,
    killedBy,
    wallLimitMs,
    stdout: stdout.result(),
    stderr: err,
  };
}

// Also for a scratch-tree script's own timer (create-bash-kit-harness.ts), which stretches the same way.
export function describeStarved(limitMs: number, givenMs: number | null) {
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  return `the grading machine was too busy to time the answer: its jail waited for a CPU for most of its ${seconds(limitMs)} limit${givenMs ? ` (extended to ${seconds(givenMs)})` : ''}, so the run was stopped and the answer is graded again`;
}

function describeStartFailure(code: number | null, stderr: string) {
  const detail = stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${code}`;
  if (code === 125) return `could not move the jail into its cgroup: ${detail}`;
  if (/namespace|Operation not permitted|setting up uid map/i.test(detail)) {
    return `bubblewrap could not create the jail: ${detail}. Unprivileged user namespaces must be enabled (sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces > 0)`;
  }
  return `bubblewrap could not create the jail: ${detail}`;
}

// Without the launcher (no perl on the host), Node forks the chain itself.
function spawnFromNode(argv: string[], spec: SandboxSpec, limits: SandboxLimits): LaunchedJail {
  // An empty environment: the jail's pid 1 keeps the environment bwrap was started with, and
  // /proc/1/environ is readable inside; --clearenv alone would leave the worker's secrets there.
  const child = spawn(argv[0]!, argv.slice(1), { cwd: '/', env: {} as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => {});
  child.stdin!.end(spec.stdin ?? '');
  return {
    stdout: captureStream(child.stdout!, limits.stdoutBytes),
    stderr: captureStream(child.stderr!, limits.stderrBytes),
    status: captureStream(child.stdio[STATUS_FD] as Readable, STATUS_BYTES),
    exit: new Promise<LaunchExit>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, spawnError: error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }),
    kill: () => child.kill('SIGKILL'),
  };
}
