// The admin form's list of harness names is the grader's list, and every kit spec is valid data.
import { describe, expect, it } from 'vitest';
import { HARNESSES } from '@/grading/harnesses/find-harness';
import { HARNESS_NAMES } from '@/grading/harnesses/harness-names';

describe('HARNESS_NAMES', () => {
  it('names exactly the harnesses the grader ships (their specs parsed when it loaded)', () => {
    expect([...HARNESS_NAMES].sort()).toEqual(HARNESSES.map((h) => h.name).sort());
  });
});
