// The grading process's warm-up grades a built-in sample. It must pass: a change to the grader
// that failed it would have every process warm up a path real gradings do not take.
import { expect, it } from 'vitest';
import { warmUpWrittenGrader } from '@/grading/written/warm-up-written-grader';

it('grades its sample as passed', () => {
  expect(warmUpWrittenGrader()).toBe(true);
});
