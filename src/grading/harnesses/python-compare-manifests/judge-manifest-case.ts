// One compare_manifests test, decided here from the value the function returned for its input.
// A visible test says what was returned, what was expected and why, with the answer's output and
// traceback. A hidden test says only its name and a reason category: never its input, the
// expected value, the rule's explanation (it gives the expected value away), the returned value,
// the exception text (it can echo the input) or the answer's output.
import type { TestResult } from '../../contract';
import { capOutput, joinStreams } from '../../code/cap-output';
import type { ManifestCase } from './manifest-cases';
import type { PythonReport } from './python-session';

export const HIDDEN_REASONS = {
  wrong: 'wrong result',
  notBool: 'wrong result (not a bool)',
  raised: 'raised an exception',
  timedOut: 'timed out',
  crashed: 'ended the Python process',
} as const;

export function judgeManifestCase(testCase: ManifestCase, report: PythonReport | null, notRun: string, timeoutSeconds: number): TestResult {
  const base = { name: testCase.name, ...(testCase.hidden ? { hidden: true } : {}) };
  if (report === null) return { ...base, status: 'error', message: notRun };
  if (testCase.hidden) return judgeHidden(base, testCase, report);
  const shown = joinStreams(report.stdout, report.stderr);
  const withOutput = (text: string) => (text ? capOutput(text) : {});
  if (report.timedOut) return { ...base, status: 'error', message: `timed out after ${timeoutSeconds} s`, ...withOutput(shown) };
  if (report.crashed) return { ...base, status: 'error', message: `the answer ended the Python process (exit, os._exit or a crash): ${testCase.why}`, ...withOutput(shown) };
  if (!report.ok) {
    return { ...base, status: 'error', message: `raised ${report.error}: ${testCase.why}`, ...withOutput([report.traceback ?? '', shown].filter(Boolean).join('\n')) };
  }
  if (report.type !== 'bool' || typeof report.value !== 'boolean') {
    return { ...base, status: 'fail', message: `returned ${report.repr} (a ${report.type}), expected a bool`, ...withOutput(shown) };
  }
  if (report.value !== testCase.expected) {
    const returned = report.value ? 'True' : 'False';
    const expected = testCase.expected ? 'True' : 'False';
    return { ...base, status: 'fail', message: `returned ${returned}, expected ${expected}: ${testCase.why}`, ...withOutput(shown) };
  }
  return { ...base, status: 'pass', message: '', ...withOutput(shown) };
}

function judgeHidden(base: { name: string; hidden?: boolean }, testCase: ManifestCase, report: PythonReport): TestResult {
  if (report.timedOut) return { ...base, status: 'error', message: HIDDEN_REASONS.timedOut };
  if (report.crashed) return { ...base, status: 'error', message: HIDDEN_REASONS.crashed };
  if (!report.ok) return { ...base, status: 'error', message: HIDDEN_REASONS.raised };
  if (report.type !== 'bool' || typeof report.value !== 'boolean') return { ...base, status: 'fail', message: HIDDEN_REASONS.notBool };
  if (report.value !== testCase.expected) return { ...base, status: 'fail', message: HIDDEN_REASONS.wrong };
  return { ...base, status: 'pass', message: '' };
}
