// Code that passes nothing is stored and graded but does not count as practice (by design); the
// result says so, instead of leaving the candidate to wonder why "N practiced" did not move.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import type { GradeResult } from '@/grading/contract';
import type { AttemptStatus } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';
import { countsAsPractice } from '@/lib/practice-rule';

const STATUS = { PASSED: 'passed', FAILED: 'failed', ERROR: 'error', INFRA_ERROR: 'infra_error', QUEUED: 'failed', RUNNING: 'failed' } as const;

function render(answerKind: AnswerKindCode, status: AttemptStatus, score: number) {
  const result: GradeResult = {
    status: STATUS[status],
    score,
    message: `${score / 25} of 4 tests passed.`,
    tests: [1, 2, 3, 4].map((n) => ({ name: `test ${n}`, status: n * 25 <= score ? ('pass' as const) : ('fail' as const), message: '' })),
    advice: [],
    gradedVersion: 'harness:h@1',
    durationMs: 10,
  };
  const attempt = { id: 'a1', status, score, result, recall: null, gradedVersion: result.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' };
  return renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind })).replaceAll('<!-- -->', '');
}

it('says plainly that code which passed nothing was saved but not counted', () => {
  expect(render('PYTHON', 'FAILED', 0)).toContain('This attempt is saved in your history, but it does not count as practice: code counts once it passes at least one test.');
  expect(render('BASH', 'ERROR', 0)).toContain('a script counts once it passes at least one scenario.');
  expect(render('CONFIG', 'FAILED', 0)).toContain('a configuration counts once it passes at least one check.');
});

it('says nothing of the kind when the attempt counted, or is not graded yet', () => {
  expect(render('PYTHON', 'FAILED', 25)).not.toContain('data-testid="not-counted"');
  expect(render('BASH', 'PASSED', 100)).not.toContain('data-testid="not-counted"');
  expect(render('WRITTEN', 'FAILED', 0)).not.toContain('data-testid="not-counted"');
  expect(render('PYTHON', 'QUEUED', 0)).not.toContain('data-testid="not-counted"');
  // Our failure is not the candidate's: that result says we could not grade it.
  expect(render('PYTHON', 'INFRA_ERROR', 0)).not.toContain('data-testid="not-counted"');
});

it('is the rule recordGrade writes: graded written answers, and code that scored', () => {
  expect(countsAsPractice({ answerKind: 'WRITTEN', status: 'FAILED', score: 0 })).toBe(true);
  expect(countsAsPractice({ answerKind: 'BASH', status: 'FAILED', score: 0 })).toBe(false);
  expect(countsAsPractice({ answerKind: 'BASH', status: 'ERROR', score: 0 })).toBe(false);
  expect(countsAsPractice({ answerKind: 'PYTHON', status: 'FAILED', score: 20 })).toBe(true);
  expect(countsAsPractice({ answerKind: 'WRITTEN', status: 'INFRA_ERROR', score: null })).toBe(false);
  expect(countsAsPractice({ answerKind: 'CONFIG', status: 'QUEUED', score: null })).toBe(false);
});
