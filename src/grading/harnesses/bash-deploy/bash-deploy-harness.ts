// bash-deploy: the answer is a deploy script run with fake docker and systemctl against a model
// of the host, once per scenario. Each scenario runs in a jail of its own (run-deploy-scenario.ts),
// all at once and started in a random order, so a script cannot tell scenarios apart by
// anything but what the fakes answer: no index, no shared /tmp, work dir or HOME, no survivor.
// The verdict is decided here, from the exit status the outer bwrap saw and the calls the grader
// itself answered.
//
// Forging defence: the model lives in the grader, outside the jail. The fakes are relays with no
// state; a call the script hides never reaches the model, so it did not happen, and a call it
// forges (straight to the channel socket) is an ordinary call. Nothing in the jail reports the
// exit status: the script is the jail's pid 1 and the outer bwrap, outside its pid namespace,
// reads it. Printing "PASS", killing the fakes or editing files changes nothing the grader reads.
import { access, constants } from 'node:fs/promises';
import { randomBytes, randomInt } from 'node:crypto';
import { DEFAULT_LIMITS, type SandboxDriver } from '../../sandbox/sandbox-driver';
import type { TestResult } from '../../contract';
import { describeKill } from '../../sandbox/describe-kill';
import { capOutput, joinStreams } from '../../code/cap-output';
import type { Harness, HarnessOutcome } from '../harness';
import { capText } from './cap-text';
import { checkBashSyntax } from './check-bash-syntax';
import { DEPLOY_CHECKS, type DeployCheck } from './deploy-checks';
import { DEPLOY_SCENARIOS, type DeployScenarioId } from './deploy-scenarios';
import { fakeToolFiles } from './fake-tool-sources';
import { formatCall } from './format-call';
import { storableText } from '../../storable-text';
import { createCallBudget, type ScenarioObservation } from './relay-session';
import { runDeployScenario, type ScenarioRun } from './run-deploy-scenario';

// Measured from the jail's start, so it includes start-up on a busy host: generous on purpose.
const SCENARIO_TIMEOUT_MS = 5_000;
const MAX_LISTED_CALLS = 40;
const PERL = '/usr/bin/perl';
const LIMITS = {
  wallTimeMs: SCENARIO_TIMEOUT_MS,
  cpuTimeSeconds: 3,
  memoryBytes: 128 * 1024 * 1024,
  workDirBytes: 8 * 1024 * 1024,
  tmpDirBytes: 8 * 1024 * 1024,
  stdoutBytes: 16 * 1024,
  stderrBytes: 16 * 1024,
};

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function whyUnfinished(run: ScenarioRun) {
  const o = run.observation;
  if (o.failure) return o.failure;
  if (o.timedOut) return `timed out after ${SCENARIO_TIMEOUT_MS / 1000} s: a deploy that hangs blocks every release behind it`;
  return `the run was stopped before this test finished: ${describeKill(run, { ...DEFAULT_LIMITS, ...LIMITS }) ?? 'it ended abnormally'}`;
}

function testFor(check: DeployCheck, runs: Record<DeployScenarioId, ScenarioRun>): TestResult {
  const shown = runs[check.scenario].observation;
  const output = capOutput(storableText(joinStreams(shown.stdout, shown.stderr)), shown.outputTruncated);
  const calls = shown.calls.slice(0, MAX_LISTED_CALLS).map(formatCall);
  if (shown.calls.length > MAX_LISTED_CALLS) calls.push(`… ${shown.calls.length - MAX_LISTED_CALLS} more calls`);
  const base = { name: check.name, ...output, calls };
  const needed = check.scenario === 'success' && check.name.startsWith('logs') ? [runs.success, runs['pull-fails']] : [runs[check.scenario]];
  for (const run of needed) {
    if (run.observation.failure || run.observation.status !== 'ended') return { ...base, status: 'error', message: whyUnfinished(run) };
  }
  const observations = Object.fromEntries(Object.entries(runs).map(([id, run]) => [id, run.observation])) as Record<DeployScenarioId, ScenarioObservation>;
  try {
    const problems = check.judge(observations);
    return { ...base, status: problems.length ? 'fail' : 'pass', message: problems.join('; ') };
  } catch (error) {
    return { ...base, status: 'error', message: `the grader could not judge this run: ${capText(storableText(error instanceof Error ? error.message : String(error)), 300)}` };
  }
}

async function run(answer: string, driver: SandboxDriver): Promise<HarnessOutcome> {
  if (!(await access(PERL, constants.X_OK).then(() => true, () => false))) {
    return { kind: 'infra_error', message: `the bash-deploy harness needs ${PERL} for its fake docker and systemctl (apt-get install perl-base)` };
  }
  const files = [{ path: 'deploy.sh', content: answer, executable: true }, ...fakeToolFiles()];
  const budget = createCallBudget();
  const order = shuffled(DEPLOY_SCENARIOS);
  const group = `bash-${randomBytes(6).toString('hex')}`;
  const [syntax, ...finished] = await Promise.all([
    checkBashSyntax(files, group, driver),
    ...order.map((scenario) => runDeployScenario(scenario, files, LIMITS, budget, group, driver)),
  ]);
  const infraError = syntax!.infraError ?? finished.find((r) => r.infraError)?.infraError;
  if (infraError) return { kind: 'infra_error', message: infraError };
  if (syntax!.error !== null) {
    const message = `bash could not parse the script: ${capText(storableText(syntax!.error), 2000)}`;
    return { kind: 'error', message, tests: DEPLOY_CHECKS.map((check) => ({ name: check.name, status: 'error', message: 'not run: the script has a syntax error' })) };
  }
  const runs = Object.fromEntries(order.map((scenario, i) => [scenario.id, finished[i]!])) as Record<DeployScenarioId, ScenarioRun>;
  return { kind: 'tests', tests: DEPLOY_CHECKS.map((check) => testFor(check, runs)) };
}

export const bashDeployHarness: Harness = { name: 'bash-deploy', version: 1, answerKind: 'bash', run };
