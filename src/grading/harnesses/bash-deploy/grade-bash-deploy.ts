// Grades a bash-deploy answer: every scenario runs in ONE jail (runner-source.ts loops over them),
// the fakes log calls, and the verdict is decided here from the runner's reports.
//
// Forging defence: the script cannot reach the report channel (fd 3 is held only by the
// non-dumpable runner), so exit codes and call logs arrive as the runner saw them; the call log
// is a pipe (append-only, nothing can be taken back), each line carries a per-run nonce, and the
// calls are replayed against a Node-side model instead of trusting the fakes' state files.
// Residual risk: the fakes' source (nonce included) and their state/injection files are readable
// in the jail, so a script written to game the harness can add forged calls or read which
// failure is injected and special-case it. Forged calls only add calls (they cannot hide a stop),
// and special-casing is visible to anyone reading the answer.
import { randomBytes } from 'node:crypto';
import { MAX_TEST_OUTPUT_CHARS, type GradeResult, type TestResult } from '../../contract';
import { STAGING_MOUNT } from '../../sandbox/bwrap-args';
import { parseRunnerEvents } from '../../sandbox/parse-runner-events';
import { runBare } from '../../sandbox/run-bare';
import { runInSandbox } from '../../sandbox/run-in-sandbox';
import { SandboxUnavailableError, type SandboxSpec } from '../../sandbox/sandbox-spec';
import { FAKE_SLEEP, fakeDocker, fakeSystemctl } from './fake-tools';
import { judgeScenario } from './judge-scenario';
import { formatCall, parseCallLog } from './parse-call-log';
import { RUNNER_PY } from './runner-source';
import { INITIAL_IMAGES, SCENARIOS } from './scenarios';
import { shellcheckAdvice } from './shellcheck-advice';

export const BASH_DEPLOY_VERSION = 1;
const SCENARIO_TIMEOUT_SECONDS = 2;

export type GradeHarnessOptions = {
  // 'bare' skips the jail: benchmarks of our reference code only.
  runner?: 'sandbox' | 'bare';
  advice?: boolean;
  gradedVersion?: string;
};

type Report = { id: string; exitCode: number | null; timedOut: boolean; output: string; outputTruncated: boolean; log: string };

function isReport(value: unknown): value is Report {
  const v = value as Report;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.output === 'string' && typeof v.log === 'string';
}

export async function gradeBashDeploy(answer: string, options: GradeHarnessOptions = {}): Promise<GradeResult> {
  const started = performance.now();
  const gradedVersion = options.gradedVersion ?? `harness:bash-deploy@${BASH_DEPLOY_VERSION}`;
  const runNonce = randomBytes(16).toString('hex');
  const callNonce = randomBytes(16).toString('hex');
  const config = {
    scenarios: SCENARIOS.map(({ id, args, inject }) => ({ id, args, inject })),
    initialImages: INITIAL_IMAGES,
    outputCap: MAX_TEST_OUTPUT_CHARS * 2,
    timeoutSeconds: SCENARIO_TIMEOUT_SECONDS,
    // After one scenario hangs the rest get less time, so a script that always hangs is reported
    // in seconds, not minutes.
    timeoutAfterTimeoutSeconds: 0.5,
    reap: options.runner !== 'bare',
  };
  const spec: SandboxSpec = {
    argv: ['/usr/bin/python3', '-I', '-S', `${STAGING_MOUNT}/runner.py`, `${STAGING_MOUNT}/config.json`],
    files: [
      { path: 'runner.py', content: RUNNER_PY },
      { path: 'config.json', content: JSON.stringify(config) },
      { path: 'answer.sh', content: answer, mode: 0o755 },
      { path: 'fakes/docker', content: fakeDocker(callNonce), mode: 0o755 },
      { path: 'fakes/systemctl', content: fakeSystemctl(callNonce), mode: 0o755 },
      { path: 'fakes/sleep', content: FAKE_SLEEP, mode: 0o755 },
    ],
    stdin: `${runNonce}\n`,
    eventChannel: true,
    limits: { wallMs: SCENARIO_TIMEOUT_SECONDS * 1000 + 0.5 * 1000 * SCENARIOS.length + 3_000, cpuSeconds: 10 },
  };
  const advicePromise = options.advice === false ? Promise.resolve([]) : shellcheckAdvice(answer);
  let run;
  try {
    run = options.runner === 'bare' ? await runBare(spec) : await runInSandbox(spec);
  } catch (error) {
    const message = error instanceof SandboxUnavailableError ? error.message : `sandbox failed: ${(error as Error).message}`;
    return { status: 'infra_error', score: 0, message, tests: [], advice: [], gradedVersion, durationMs: Math.round(performance.now() - started) };
  }
  const reports = new Map<string, Report>();
  for (const report of parseRunnerEvents(run.events, runNonce)) {
    if (isReport(report) && !reports.has(report.id)) reports.set(report.id, report);
  }
  if (reports.size === 0 && !run.timedOut && run.exitCode !== 0) {
    return {
      status: 'infra_error',
      score: 0,
      message: `the bash-deploy runner failed (exit ${run.exitCode}): ${run.stderr.slice(0, 500)}`,
      tests: [],
      advice: await advicePromise,
      gradedVersion,
      durationMs: Math.round(performance.now() - started),
    };
  }
  const tests: TestResult[] = SCENARIOS.map((scenario) => {
    const report = reports.get(scenario.id);
    if (!report) {
      return {
        name: scenario.name,
        status: 'error',
        message: run.timedOut ? 'the run was stopped before this scenario finished (time limit)' : 'this scenario did not report: the harness was interrupted',
      };
    }
    const calls = parseCallLog(report.log, callNonce);
    const verdict = judgeScenario(scenario, { exitCode: report.exitCode, timedOut: report.timedOut, output: report.output, calls }, SCENARIO_TIMEOUT_SECONDS);
    const truncated = report.outputTruncated || report.output.length > MAX_TEST_OUTPUT_CHARS;
    return {
      name: scenario.name,
      status: verdict.status,
      message: verdict.message,
      output: report.output.slice(0, MAX_TEST_OUTPUT_CHARS),
      outputTruncated: truncated,
      calls: calls.map(formatCall),
    };
  });
  const passed = tests.filter((t) => t.status === 'pass').length;
  const ranAny = tests.some((t) => t.status !== 'error');
  const status = passed === tests.length ? 'passed' : ranAny ? 'failed' : 'error';
  return {
    status,
    score: Math.round((100 * passed) / tests.length),
    message:
      status === 'passed' ? `All ${tests.length} scenarios passed.` : status === 'failed' ? `${passed} of ${tests.length} scenarios passed.` : 'The script did not run to completion in any scenario.',
    tests,
    advice: await advicePromise,
    gradedVersion,
    durationMs: Math.round(performance.now() - started),
  };
}
