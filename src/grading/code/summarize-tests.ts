// Overall status, score and message from per-test results. 'error' means the answer never really
// ran (every test errored: syntax error, timeouts, a crash before any test); a failing test in an
// answer that ran is 'failed'. The score is the percentage of tests passed.
import type { GradeStatus, TestResult } from '../contract';

export function summarizeTests(tests: TestResult[]): { status: Exclude<GradeStatus, 'infra_error'>; score: number; message: string } {
  const passed = tests.filter((t) => t.status === 'pass').length;
  const score = tests.length ? Math.round((100 * passed) / tests.length) : 0;
  if (tests.length > 0 && passed === tests.length) return { status: 'passed', score, message: `All ${tests.length} tests passed.` };
  if (tests.length === 0 || tests.every((t) => t.status === 'error')) {
    const first = tests.find((t) => t.message)?.message.replace(/^not run: /, '');
    return { status: 'error', score, message: `The answer did not run to completion: ${first ?? 'no test produced a result'}.` };
  }
  return { status: 'failed', score, message: `${passed} of ${tests.length} tests passed.` };
}
