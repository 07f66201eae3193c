// bash-deploy: the answer is a deploy script run with fake docker and systemctl against a model
// of the host. All runs happen in ONE jail (the runner loops over them); the verdict is decided
// here, from the exit status the runner saw and the calls the grader itself answered.
//
// Forging defence: the model lives in the grader, outside the jail. The fakes are relays with no
// state; the only path from the jail to the grader is a socket the runner connects before any
// candidate code starts, and the server accepts one connection. The runner is non-dumpable, so
// the script (same uid inside the jail) cannot read its memory, ptrace it or take its socket. A
// call the script hides (bypassing the fakes, replacing their FIFO) never reaches the model, so
// it did not happen; a call it forges is an ordinary call. Printing "PASS", exiting 0 early or
// editing files changes nothing the grader reads.
// Residual risk: the exit status and output of each run are reported by the runner; forging them
// needs a way into a non-dumpable process of the same uid without capabilities (a kernel bug),
// or killing the runner, which only ends the grading with errors.
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, JAIL_WORK_DIR, type SandboxDriver } from '../../sandbox/sandbox-driver';
import { describeKill } from '../../sandbox/describe-kill';
import type { TestResult } from '../../contract';
import { capOutput, joinStreams } from '../../code/cap-output';
import type { Harness, HarnessOutcome } from '../harness';
import { BASH_RUNNER_PY } from './bash-runner-source';
import { DEPLOY_CHECKS, type DeployCheck } from './deploy-checks';
import { DEPLOY_SCENARIOS, type DeployScenarioId } from './deploy-scenarios';
import { createDeployWorld } from './deploy-world';
import { fakeToolFiles } from './fake-tool-sources';
import { formatCall } from './format-call';
import { createRelaySession, type ScenarioObservation } from './relay-session';

const SCENARIO_TIMEOUT_SECONDS = 2;
// After this many runs time out, the rest are skipped: an endless loop costs seconds, not minutes.
const MAX_TIMEOUTS = 2;
const LIMITS = { ...DEFAULT_LIMITS, wallTimeMs: (DEPLOY_SCENARIOS.length * SCENARIO_TIMEOUT_SECONDS + 5) * 1000, cpuTimeSeconds: 20 };

function testFor(check: DeployCheck, runs: Record<DeployScenarioId, ScenarioObservation>, stopped: string | null): TestResult {
  const shown = runs[check.scenario];
  const base = { name: check.name, ...capOutput(joinStreams(shown.stdout, shown.stderr), shown.outputTruncated), calls: shown.calls.map(formatCall) };
  if (shown.callsDropped > 0) base.calls.push(`… ${shown.callsDropped} more calls`);
  const needed = check.scenario === 'success' && check.name.startsWith('logs') ? [shown, runs['pull-fails']] : [shown];
  for (const run of needed) {
    if (run.status === 'skipped') return { ...base, status: 'error', message: `not run: ${MAX_TIMEOUTS} earlier runs timed out` };
    if (run.status === 'unfinished') return { ...base, status: 'error', message: `the run was stopped before this test finished: ${stopped ?? 'the script killed the harness'}` };
    if (run.timedOut) return { ...base, status: 'error', message: `timed out after ${SCENARIO_TIMEOUT_SECONDS} s: a deploy that hangs blocks every release behind it` };
  }
  const problems = check.judge(runs);
  return { ...base, status: problems.length ? 'fail' : 'pass', message: problems.join('; ') };
}

async function run(answer: string, driver: SandboxDriver): Promise<HarnessOutcome> {
  const worlds = DEPLOY_SCENARIOS.map((scenario) => createDeployWorld({ faults: scenario.faults }));
  const session = createRelaySession(worlds);
  const config = {
    scenarios: DEPLOY_SCENARIOS.map((s) => s.args),
    timeoutSeconds: SCENARIO_TIMEOUT_SECONDS,
    maxTimeouts: MAX_TIMEOUTS,
    outputCapBytes: 16 * 1024,
    paths: { harness: JAIL_FILES_DIR, channel: JAIL_CHANNEL_PATH, work: JAIL_WORK_DIR, tmp: '/tmp' },
    // In the jail every process but pid 1 and the runner is the script's: sweep them all.
    sweep: 'namespace',
  };
  const result = await driver.run({
    command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, `${JAIL_FILES_DIR}/scenarios.json`],
    files: [
      { path: 'runner.py', content: BASH_RUNNER_PY },
      { path: 'scenarios.json', content: JSON.stringify(config) },
      { path: 'deploy.sh', content: answer, executable: true },
      ...fakeToolFiles(),
    ],
    channel: (socket) => session.connect(socket),
    limits: LIMITS,
  });
  if (result.infraError) return { kind: 'infra_error', message: result.infraError };
  const outcome = session.outcome();
  if (outcome.protocolError) return { kind: 'infra_error', message: `the bash-deploy runner broke its protocol: ${outcome.protocolError}` };
  if (!outcome.hello) {
    return { kind: 'infra_error', message: `the bash-deploy runner did not start (exit ${result.exitCode ?? result.signal}): ${result.stderr.slice(-500) || 'no output'}. It needs /usr/bin/python3 on the grading host.` };
  }
  if (outcome.syntaxError !== null) {
    const message = `bash could not parse the script: ${outcome.syntaxError.replace(/\/harness\/deploy\.sh/g, 'deploy.sh').trim()}`;
    return { kind: 'error', message, tests: DEPLOY_CHECKS.map((check) => ({ name: check.name, status: 'error', message: 'not run: the script has a syntax error' })) };
  }
  const runs = Object.fromEntries(DEPLOY_SCENARIOS.map((s, i) => [s.id, outcome.observations[i]!])) as Record<DeployScenarioId, ScenarioObservation>;
  const stopped = describeKill(result, LIMITS);
  return { kind: 'tests', tests: DEPLOY_CHECKS.map((check) => testFor(check, runs, stopped)) };
}

export const bashDeployHarness: Harness = { name: 'bash-deploy', version: 1, answerKind: 'bash', run };
