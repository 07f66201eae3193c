// python-compare-manifests: the answer defines compare_manifests(old, new) -> bool. The runner in
// the jail imports it once and calls it on every input; the verdict is computed here by comparing
// the returned values with expected answers that never enter the jail, so printing "PASS",
// exiting at import (os._exit) or writing to the channel cannot turn a test green.
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, type SandboxDriver } from '../../sandbox/sandbox-driver';
import { describeKill } from '../../sandbox/describe-kill';
import { capOutput } from '../../code/cap-output';
import type { Harness, HarnessOutcome } from '../harness';
import { judgeManifestCase } from './judge-manifest-case';
import { MANIFEST_CASES } from './manifest-cases';
import { PYTHON_RUNNER_PY } from './python-runner-source';
import { createPythonSession } from './python-session';

const TEST_TIMEOUT_SECONDS = 2;
const MAX_TIMEOUTS = 2;
const LIMITS = { ...DEFAULT_LIMITS, wallTimeMs: (MAX_TIMEOUTS * TEST_TIMEOUT_SECONDS + 5) * 1000 };
const FATAL_LABELS = { syntax: 'Python could not parse the answer', import_error: 'importing the answer failed', missing: 'nothing to test' };

async function run(answer: string, driver: SandboxDriver): Promise<HarnessOutcome> {
  const session = createPythonSession();
  const config = {
    function: 'compare_manifests',
    inputs: MANIFEST_CASES.map((c) => JSON.stringify(c.input)),
    timeoutSeconds: TEST_TIMEOUT_SECONDS,
    importTimeoutSeconds: 2,
    maxTimeouts: MAX_TIMEOUTS,
    paths: { harness: JAIL_FILES_DIR, channel: JAIL_CHANNEL_PATH },
  };
  const result = await driver.run({
    command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, `${JAIL_FILES_DIR}/cases.json`],
    files: [
      { path: 'runner.py', content: PYTHON_RUNNER_PY },
      { path: 'cases.json', content: JSON.stringify(config) },
      { path: 'answer.py', content: answer },
    ],
    channel: (socket) => session.connect(socket),
    limits: LIMITS,
  });
  if (result.infraError) return { kind: 'infra_error', message: result.infraError };
  const outcome = session.outcome();
  if (!outcome.hello) {
    return { kind: 'infra_error', message: `the Python runner did not start (exit ${result.exitCode ?? result.signal}): ${result.stderr.slice(-500) || 'no output'}. It needs /usr/bin/python3 on the grading host.` };
  }
  if (outcome.fatal) {
    const message = `${FATAL_LABELS[outcome.fatal.kind]}: ${outcome.fatal.message.trim()}`;
    const output = capOutput([outcome.fatal.message, outcome.fatal.output].filter(Boolean).join('\n'));
    return { kind: 'error', message, tests: MANIFEST_CASES.map((c) => ({ name: c.name, ...(c.hidden ? { hidden: true } : {}), status: 'error', message: 'not run: the answer did not load', ...output })) };
  }
  const stopped = describeKill(result, LIMITS) ?? 'the answer ended the Python process (exit, os._exit or a crash)';
  const tests = MANIFEST_CASES.map((testCase, index) => {
    const notRun = outcome.skipped.has(index) ? `not run: ${MAX_TIMEOUTS} earlier tests timed out` : `not run: ${stopped}`;
    return judgeManifestCase(testCase, outcome.results.get(index), notRun, TEST_TIMEOUT_SECONDS);
  });
  return { kind: 'tests', tests };
}

export const pythonCompareManifestsHarness: Harness = { name: 'python-compare-manifests', version: 1, answerKind: 'python', run };
