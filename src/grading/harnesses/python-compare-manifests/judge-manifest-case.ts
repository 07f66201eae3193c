// One compare_manifests test, decided from the value the function returned for its input. Hidden
// tests explain the rule they check but never show their input or the answer's own output.
import type { TestResult } from '../../contract';
import { capOutput, joinStreams } from '../../code/cap-output';
import type { ManifestCase } from './manifest-cases';
import type { PythonReport } from './python-session';

export function judgeManifestCase(testCase: ManifestCase, report: PythonReport | 'conflict' | undefined, notRun: string, timeoutSeconds: number): TestResult {
  const base = { name: testCase.name, ...(testCase.hidden ? { hidden: true } : {}) };
  if (report === undefined) return { ...base, status: 'error', message: notRun };
  if (report === 'conflict') return { ...base, status: 'error', message: 'more than one result was reported for this test: the answer wrote to the harness channel' };
  const shown = testCase.hidden ? '' : joinStreams(report.stdout, report.stderr);
  const withOutput = (text: string) => ({ ...capOutput(text) });
  if (report.timedOut) return { ...base, status: 'error', message: `timed out after ${timeoutSeconds} s`, ...withOutput(shown) };
  if (!report.ok) {
    return { ...base, status: 'error', message: `raised ${report.error}: ${testCase.why}`, ...withOutput([report.traceback ?? '', shown].filter(Boolean).join('\n')) };
  }
  if (report.type !== 'bool') {
    return { ...base, status: 'fail', message: `returned ${report.repr} (a ${report.type}), expected a bool`, ...withOutput(shown) };
  }
  if (report.value !== testCase.expected) {
    const returned = report.value ? 'True' : 'False';
    const expected = testCase.expected ? 'True' : 'False';
    return { ...base, status: 'fail', message: `returned ${returned}, expected ${expected}: ${testCase.why}`, ...withOutput(shown) };
  }
  return { ...base, status: 'pass', message: '', ...(shown ? withOutput(shown) : {}) };
}
