// Overall status and score from per-test results: what the candidate sees first.
import { describe, expect, it } from 'vitest';
import type { TestResult } from '@/grading/contract';
import { summarizeTests } from '@/grading/code/summarize-tests';

const t = (status: TestResult['status'], message = ''): TestResult => ({ name: status, status, message });

describe('summarizeTests', () => {
  it('passes only when every test passes', () => {
    expect(summarizeTests([t('pass'), t('pass')])).toEqual({ status: 'passed', score: 100, message: 'All 2 tests passed.' });
  });

  it('is failed, with the share passed as the score, when the answer ran but a test failed or errored', () => {
    expect(summarizeTests([t('pass'), t('fail'), t('error')])).toMatchObject({ status: 'failed', score: 33 });
  });

  it('is error when no test produced a result (syntax error, timeouts, a crash before any test)', () => {
    const summary = summarizeTests([t('error', 'not run: it ran past the time limit (10 s)'), t('error', 'timed out')]);
    expect(summary.status).toBe('error');
    expect(summary.score).toBe(0);
    expect(summary.message).toBe('The answer did not run to completion: it ran past the time limit (10 s).');
  });
});
