// Grades a compare_manifests answer: all tests run in ONE jail; the jail gets only inputs (under
// random per-run ids, so test names cannot be matched to inputs), and each returned value is
// compared here with the expected value, which never enters the jail.
//
// Forging defence: candidate code runs in a worker process that cannot reach the report channel
// (held by the non-dumpable runner); "forging" a result means returning the right value, which
// is solving the test. os._exit at import, printed PASS lines or an early exit yield no values.
import { randomBytes } from 'node:crypto';
import { MAX_TEST_OUTPUT_CHARS, type GradeResult, type TestResult } from '../../contract';
import { STAGING_MOUNT } from '../../sandbox/bwrap-args';
import { parseRunnerEvents } from '../../sandbox/parse-runner-events';
import { runBare } from '../../sandbox/run-bare';
import { runInSandbox } from '../../sandbox/run-in-sandbox';
import { SandboxUnavailableError, type SandboxSpec } from '../../sandbox/sandbox-spec';
import { CASES } from './cases';
import { judgeCase, type CaseReport } from './judge-case';
import { RUNNER_PY, WORKER_PY } from './runner-source';

export const PYTHON_COMPARE_MANIFESTS_VERSION = 1;
const TEST_TIMEOUT_SECONDS = 2;

export type GradeHarnessOptions = { runner?: 'sandbox' | 'bare'; gradedVersion?: string };

export async function gradePythonCompareManifests(answer: string, options: GradeHarnessOptions = {}): Promise<GradeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const gradedVersion = options.gradedVersion ?? `harness:python-compare-manifests@${PYTHON_COMPARE_MANIFESTS_VERSION}`;
  const runNonce = randomBytes(16).toString('hex');
  const ids = CASES.map(() => randomBytes(6).toString('hex'));
  const config = {
    tests: CASES.map((c, i) => ({ id: ids[i], old: c.old, new: c.new })),
    timeoutSeconds: TEST_TIMEOUT_SECONDS,
    timeoutAfterTimeoutSeconds: 0.5,
  };
  const spec: SandboxSpec = {
    argv: ['/usr/bin/python3', '-I', '-S', `${STAGING_MOUNT}/runner.py`, `${STAGING_MOUNT}/config.json`],
    files: [
      { path: 'runner.py', content: RUNNER_PY },
      { path: 'worker.py', content: WORKER_PY },
      { path: 'config.json', content: JSON.stringify(config) },
      { path: 'solution.py', content: answer },
    ],
    stdin: `${runNonce}\n`,
    eventChannel: true,
    limits: { wallMs: TEST_TIMEOUT_SECONDS * 1000 + 500 * CASES.length + 3_000, cpuSeconds: 10 },
  };
  let run;
  try {
    run = options.runner === 'bare' ? await runBare(spec) : await runInSandbox(spec);
  } catch (error) {
    const message = error instanceof SandboxUnavailableError ? error.message : `sandbox failed: ${(error as Error).message}`;
    return { status: 'infra_error', score: 0, message, tests: [], advice: [], gradedVersion, durationMs: elapsed() };
  }
  const reports = new Map<string, CaseReport>();
  for (const report of parseRunnerEvents(run.events, runNonce)) {
    const id = (report as { id?: unknown }).id;
    if (typeof id === 'string' && !reports.has(id)) reports.set(id, report as CaseReport);
  }
  if (reports.size === 0 && !run.timedOut && run.exitCode !== 0) {
    return { status: 'infra_error', score: 0, message: `the python runner failed (exit ${run.exitCode}): ${run.stderr.slice(0, 500)}`, tests: [], advice: [], gradedVersion, durationMs: elapsed() };
  }
  const tests: TestResult[] = CASES.map((testCase, i) => {
    const verdict = judgeCase(testCase, reports.get(ids[i] ?? ''), run.timedOut);
    const output = verdict.output ?? '';
    const result: TestResult = { name: testCase.name, status: verdict.status, message: verdict.message, hidden: testCase.hidden };
    if (output) {
      result.output = output.slice(0, MAX_TEST_OUTPUT_CHARS);
      result.outputTruncated = output.length > MAX_TEST_OUTPUT_CHARS;
    }
    return result;
  });
  const passed = tests.filter((t) => t.status === 'pass').length;
  const firstError = tests.find((t) => t.status === 'error');
  const allError = tests.every((t) => t.status === 'error');
  const status = passed === tests.length ? 'passed' : allError ? 'error' : 'failed';
  return {
    status,
    score: Math.round((100 * passed) / tests.length),
    message: status === 'passed' ? `All ${tests.length} tests passed.` : status === 'error' ? (firstError?.message ?? 'The code did not run.') : `${passed} of ${tests.length} tests passed.`,
    tests,
    advice: [],
    gradedVersion,
    durationMs: elapsed(),
  };
}
