// Hints ask what an interviewer would ask next; they never hand over a concept's description
// (the answer itself), which a partly covered concept's result carries as its message.
import { expect, it } from 'vitest';
import { hintsFrom } from '@/components/practice/answer-help';
import type { GradeResult } from '@/grading/contract';

const base = { status: 'failed' as const, score: 30, message: '', advice: [], gradedVersion: 'rubric:x@1', durationMs: 1 };

it('asks the follow-up of a missed concept and nudges on a partly covered one without its description', () => {
  const result: GradeResult = {
    ...base,
    tests: [
      { name: 'Rolling back', concept: 'rollback', coverage: 'missing', status: 'fail', message: 'Traffic returns to the old version.', followUp: 'How would you roll back?' },
      { name: 'What a canary release is', concept: 'canary', coverage: 'partial', status: 'fail', message: 'A canary exposes the new version to a small share of traffic first.' },
      { name: 'Metrics', concept: 'metrics', coverage: 'covered', status: 'pass', message: 'Compare the canary with a baseline.' },
      { name: 'Blue-green', concept: 'blue-green', coverage: 'contradicted', status: 'fail', message: 'Two environments; traffic switches at once.' },
    ],
  };
  const hints = hintsFrom(result);
  expect(hints).toEqual([
    'How would you roll back?',
    'You said part of “What a canary release is”. What is still missing from it?',
    'Something your answer says about “Blue-green” is wrong: read the correction above. How would you put it right?',
  ]);
  expect(hints.join(' ')).not.toContain('traffic switches at once');
  expect(hints.join(' ')).not.toContain('small share of traffic');
});

it('names a failed visible scenario and why, and keeps hidden ones out', () => {
  const result: GradeResult = {
    ...base,
    tests: [
      { name: 'when the pull fails', status: 'fail', message: 'the service was stopped before the pull succeeded' },
      { name: 'hidden case 3', status: 'fail', message: 'wrong answer', hidden: true },
    ],
  };
  expect(hintsFrom(result)).toEqual(['when the pull fails: the service was stopped before the pull succeeded']);
});
