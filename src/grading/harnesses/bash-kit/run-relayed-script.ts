// One scenario in its own jail, for bash-deploy and every Bash world kit question: a fresh pid,
// mount, IPC and network namespace, fresh /tmp, /work and HOME, nothing of the other scenarios.
// The script is the jail's pid 1 (bwrap --as-pid-1), so its exit status reaches the grader from
// the outer bwrap, which nothing in the jail can touch, and when it exits the kernel kills
// whatever it left running. Calls come in on the jail's channel, one connection each, and are
// answered by `session` (relay-session.ts), which holds the scenario's world outside the jail.
// Without a scratch tree, pid 1 is first a small starter (scenario-start-source.ts) that takes
// the arguments, starts the fast fakes' relay and execs bash on the script. The jail is started
// for this run (cold) or was pre-started and is claimed (warm-bash-jails.ts); both are the same.
import type { Duplex } from 'node:stream';
import { JAIL_FILES_DIR, JAIL_WORK_DIR, type KillReason, type SandboxDriver, type SandboxFile, type SandboxLimits } from '../../sandbox/sandbox-driver';
import type { WarmJail, WarmJailSpec } from '../../sandbox/warm-jail';
import type { ScenarioObservation } from '../bash-deploy/relay-session';
import { FAST_FAKES_FILE } from './fast-fakes-source';
import { encodeScenarioStart, scenarioStarter } from './scenario-start-source';

export type ScenarioRun<W> = { observation: ScenarioObservation<W>; infraError: string | null; killedBy: KillReason | null };

// What a scenario's jail is, whichever scenario of the question it runs.
export type ScenarioJailShape = {
  // The answer's file name under JAIL_FILES_DIR.
  script: string;
  // A pid 1 that runs the script itself and takes its arguments over the channel (the
  // scratch-tree supervisor), with the script's path last; none: the starter is pid 1 and
  // execs bash on the script (scenario-start-source.ts).
  supervisor?: string[];
  // The fakes, the starter and the supervisor's source: everything in /harness but the answer.
  files: SandboxFile[];
  limits: Partial<SandboxLimits>;
  // Calls the session answers (and the supervisor's own connection, if any).
  maxCalls: number;
  // Names the grading: its jails share one CPU weight against other gradings.
  group: string;
  // SandboxSpec.stretchWallOnBusyHost for the scenario's wall-time limit.
  stretchWallOnBusyHost?: number;
};

export type RelayedScript<W> = {
  shape: ScenarioJailShape;
  answer: string;
  args: string[];
  session: { accept: (socket: Duplex) => void; observation: ScenarioObservation<W> };
  controller: AbortController;
  // A pre-started jail of this shape to claim (scenarioJailSpec); none: start one.
  warm?: WarmJail | null;
};

const ENV = {
  PATH: `${JAIL_FILES_DIR}/bin:/usr/bin:/bin`,
  HOME: JAIL_WORK_DIR,
  TMPDIR: '/tmp',
  LANG: 'C.UTF-8',
  TERM: 'dumb',
  USER: 'root',
  LOGNAME: 'root',
  SHELL: '/bin/bash',
  // Every bash in the jail defines the fast fakes (fast-fakes-source.ts).
  BASH_ENV: `${JAIL_FILES_DIR}/${FAST_FAKES_FILE}`,
};

const scriptPath = (shape: ScenarioJailShape) => `${JAIL_FILES_DIR}/${shape.script}`;

// The answer as the jail's file: the scenario jails and the bash -n jail run the same file.
export const answerFile = (script: string, answer: string): SandboxFile => ({ path: script, content: answer, executable: true });

function jailSpec(shape: ScenarioJailShape, command: string[], files: SandboxFile[], extraConnections: number): WarmJailSpec {
  return {
    command,
    asPid1: true,
    files,
    env: ENV,
    // One more than the calls answered, so the call past the limit is seen and ends the run.
    channelConnections: shape.maxCalls + 1 + extraConnections,
    limits: shape.limits,
    group: shape.group,
    stretchWallOnBusyHost: shape.stretchWallOnBusyHost,
  };
}

// The jail for a scenario of this shape, without the answer (added when it is claimed or started).
export function scenarioJailSpec(shape: ScenarioJailShape): WarmJailSpec {
  if (shape.supervisor) return jailSpec(shape, [...shape.supervisor, scriptPath(shape)], shape.files, 0);
  return jailSpec(shape, scenarioStarter().command('/bin/bash', scriptPath(shape)), shape.files, 1);
}

// The starter's connection gets the arguments; every later one is a call.
export function startThenRelay(args: string[], relay: (socket: Duplex) => void) {
  let first = true;
  return (socket: Duplex) => {
    if (!first) return relay(socket);
    first = false;
    socket.on('error', () => socket.destroy());
    socket.on('data', () => socket.destroy());
    socket.end(encodeScenarioStart(args));
  };
}

export async function runRelayedScript<W>(run: RelayedScript<W>, driver: SandboxDriver): Promise<ScenarioRun<W>> {
  const { shape, session, warm } = run;
  const answer = answerFile(shape.script, run.answer);
  const connect = shape.supervisor ? session.accept : startThenRelay(run.args, session.accept);
  let result = null;
  if (warm) {
    run.controller.signal.addEventListener('abort', () => warm.abort(), { once: true });
    result = await warm.claim({ wallTimeMs: shape.limits.wallTimeMs ?? 0, connect, files: [answer] });
  }
  // Cold, or the warm jail could not take the work: its pid 1 never connected, so `connect` is
  // still unused and nothing of the answer ran in it.
  if (!result) {
    const spec = scenarioJailSpec(shape);
    result = await driver.run({ ...spec, files: [answer, ...(spec.files ?? [])], channel: connect, signal: run.controller.signal });
  }
  const observation = session.observation;
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
