// One scenario in its own jail, for bash-deploy and every Bash world kit question: a fresh pid,
// mount, IPC and network namespace, fresh /tmp, /work and HOME, nothing of the other scenarios.
// The script is the jail's pid 1 (bwrap --as-pid-1), so its exit status reaches the grader from
// the outer bwrap, which nothing in the jail can touch, and when it exits the kernel kills
// whatever it left running. Calls come in on the jail's channel, one connection each, and are
// answered by `session` (relay-session.ts), which holds the scenario's world outside the jail.
import type { Duplex } from 'node:stream';
import { JAIL_FILES_DIR, JAIL_WORK_DIR, type KillReason, type SandboxDriver, type SandboxFile, type SandboxLimits } from '../../sandbox/sandbox-driver';
import type { ScenarioObservation } from '../bash-deploy/relay-session';

export type ScenarioRun<W> = { observation: ScenarioObservation<W>; infraError: string | null; killedBy: KillReason | null };

export type RelayedScript<W> = {
  script: string;
  args: string[];
  // Another pid 1 than bash running the script (the scratch-tree supervisor, which starts it).
  command?: string[];
  files: SandboxFile[];
  limits: Partial<SandboxLimits>;
  session: { accept: (socket: Duplex) => void; observation: ScenarioObservation<W> };
  maxCalls: number;
  controller: AbortController;
  // Names the grading: its jails share one CPU weight against other gradings.
  group: string;
  // SandboxSpec.stretchWallOnBusyHost for the scenario's wall-time limit.
  stretchWallOnBusyHost?: number;
};

export async function runRelayedScript<W>(run: RelayedScript<W>, driver: SandboxDriver): Promise<ScenarioRun<W>> {
  const result = await driver.run({
    command: run.command ?? ['/bin/bash', `${JAIL_FILES_DIR}/${run.script}`, ...run.args],
    asPid1: true,
    files: run.files,
    env: {
      PATH: `${JAIL_FILES_DIR}/bin:/usr/bin:/bin`,
      HOME: JAIL_WORK_DIR,
      TMPDIR: '/tmp',
      LANG: 'C.UTF-8',
      TERM: 'dumb',
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
    },
    channel: (socket) => run.session.accept(socket),
    // One more than the calls answered, so the call past the limit is seen and ends the run.
    channelConnections: run.maxCalls + 1,
    limits: run.limits,
    signal: run.controller.signal,
    group: run.group,
    stretchWallOnBusyHost: run.stretchWallOnBusyHost,
  });
  const observation = run.session.observation;
  if (result.infraError) return { observation, infraError: result.infraError, killedBy: null };
  Object.assign(observation, {
    status: result.killedBy ? 'unfinished' : 'ended',
    exitCode: result.killedBy ? null : result.exitCode,
    signal: result.signal,
    timedOut: result.killedBy === 'wall-time',
    timeLimitMs: result.killedBy === 'wall-time' ? result.wallLimitMs : undefined,
    stdout: result.stdout,
    stderr: result.stderr,
    outputTruncated: result.stdoutTruncated || result.stderrTruncated,
  });
  return { observation, infraError: null, killedBy: result.killedBy };
}
