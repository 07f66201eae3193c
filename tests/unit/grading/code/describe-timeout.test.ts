// What a candidate reads when their script ran out of time: the plain limit, or, when the limit
// stretched on a busy grading machine, how long the script really had and why.
import { describe, expect, it } from 'vitest';
import { describeTimeout } from '@/grading/harnesses/bash-kit/describe-timeout';

const HANG = 'a deploy that hangs blocks every release behind it';

describe('describeTimeout', () => {
  it('names the plain limit when it did not stretch (or only by a timer\'s slack)', () => {
    expect(describeTimeout(5_000, undefined, HANG)).toBe(`timed out after 5 s: ${HANG}`);
    expect(describeTimeout(5_000, 5_000, HANG)).toBe(`timed out after 5 s: ${HANG}`);
    expect(describeTimeout(3_000, 3_040, HANG)).toBe(`timed out after 3 s: ${HANG}`);
  });

  it('says how long the script had, and why, when the limit stretched', () => {
    expect(describeTimeout(5_000, 7_430, HANG)).toBe(`timed out after 7.4 s (its 5 s limit, extended while the grading machine was busy): ${HANG}`);
    expect(describeTimeout(3_000, 6_000, HANG)).toBe(`timed out after 6 s (its 3 s limit, extended while the grading machine was busy): ${HANG}`);
  });
});
