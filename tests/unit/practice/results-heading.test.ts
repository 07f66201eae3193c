// The list under a code result is headed with what its items are, per kind: Python's are tests
// (the summary just above says "All 2 tests passed"; "Scenarios: 2 of 2 passed" read as another
// count), a configuration's are checks, a Bash script's are scenario checks.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { AttemptResult } from '@/components/practice/attempt-result';
import type { GradeResult } from '@/grading/contract';
import type { AnswerKindCode } from '@/lib/labels';

const result: GradeResult = {
  status: 'passed',
  score: 100,
  message: 'All 2 tests passed.',
  tests: [
    { name: 'first', status: 'pass', message: '' },
    { name: 'second', status: 'pass', message: '' },
  ],
  advice: [],
  gradedVersion: 'harness:some-harness@1',
  durationMs: 20,
};

const heading = (answerKind: AnswerKindCode) => {
  const attempt = { id: 'a1', status: 'PASSED' as const, score: 100, result, recall: null, gradedVersion: result.gradedVersion, createdAt: '2026-12-03T05:00:00Z', gradedAt: '2026-12-03T05:00:01Z' };
  // React marks the seams between a text's parts with empty comments.
  const html = renderToStaticMarkup(createElement(AttemptResult, { attempt, answerKind })).replaceAll('<!-- -->', '');
  return [...html.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
};

it('heads a Python result "Tests", a configuration\'s "Checks" and a Bash script\'s "Scenarios"', () => {
  expect(heading('PYTHON')).toEqual(['Tests: 2 of 2 passed']);
  expect(heading('CONFIG')).toEqual(['Checks: 2 of 2 passed']);
  expect(heading('BASH')).toEqual(['Scenarios: 2 of 2 passed']);
});
