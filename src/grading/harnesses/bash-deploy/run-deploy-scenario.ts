// One scenario in its own jail: a fresh pid, mount, IPC and network namespace, fresh /tmp, /work
// and HOME, nothing of the other scenarios. The script is the jail's pid 1 (bwrap --as-pid-1), so
// its exit status reaches the grader from the outer bwrap, which nothing in the jail can touch,
// and when it exits the kernel kills whatever it left running: nothing survives into another
// scenario, which runs in another jail anyway. Calls come in on the jail's channel, one
// connection each (relay-session.ts).
import { JAIL_FILES_DIR, JAIL_WORK_DIR, type SandboxDriver, type SandboxFile, type SandboxLimits } from '../../sandbox/sandbox-driver';
import type { DeployScenario } from './deploy-scenarios';
import { createDeployWorld } from './deploy-world';
import { createRelaySession, MAX_CALLS_PER_SCENARIO, type CallBudget, type ScenarioObservation } from './relay-session';

export type ScenarioRun = { observation: ScenarioObservation; infraError: string | null; killedBy: string | null };

// `group` names the grading: its jails share one CPU weight against other gradings.
export async function runDeployScenario(scenario: DeployScenario, files: SandboxFile[], limits: Partial<SandboxLimits>, budget: CallBudget, group: string, driver: SandboxDriver): Promise<ScenarioRun> {
  const controller = new AbortController();
  const session = createRelaySession(createDeployWorld({ faults: scenario.faults }), budget, () => controller.abort());
  const result = await driver.run({
    command: ['/bin/bash', `${JAIL_FILES_DIR}/deploy.sh`, ...scenario.args],
    asPid1: true,
    files,
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
    channel: (socket) => session.accept(socket),
    // One more than the calls answered, so the call past the limit is seen and ends the run.
    channelConnections: MAX_CALLS_PER_SCENARIO + 1,
    limits,
    signal: controller.signal,
    group,
  });
  const observation = session.observation;
  if (result.infraError) return { observation, infraError: result.infraError, killedBy: null };
  Object.assign(observation, {
    status: result.killedBy ? 'unfinished' : 'ended',
    exitCode: result.killedBy ? null : result.exitCode,
    signal: result.signal,
    timedOut: result.killedBy === 'wall-time',
    stdout: result.stdout,
    stderr: result.stderr,
    outputTruncated: result.stdoutTruncated || result.stderrTruncated,
  });
  return { observation, infraError: null, killedBy: result.killedBy };
}
