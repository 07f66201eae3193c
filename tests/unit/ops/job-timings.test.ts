import { describe, expect, it } from 'vitest';
import { createJobTimings } from '@/worker/job-timings';

describe('createJobTimings (GRADING_TIMINGS=1)', () => {
  it('prints one line per recorded job with every step it went through, in order', () => {
    const lines: string[] = [];
    const timings = createJobTimings((line) => lines.push(line));
    timings.begin('a1', { woken: 1, claimStarted: 2 });
    timings.mark('a1', 'loaded');
    timings.mark('a1', 'graded');
    timings.end('a1', { graderMs: 7 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^grading-timings \{/);
    const marks = JSON.parse(lines[0]!.slice('grading-timings '.length));
    expect(marks).toMatchObject({ attemptId: 'a1', woken: 1, claimStarted: 2, graderMs: 7 });
    expect(marks.claimed).toBeLessThanOrEqual(marks.loaded);
    expect(marks.loaded).toBeLessThanOrEqual(marks.graded);
    expect(marks.graded).toBeLessThanOrEqual(marks.recorded);
  });

  it('prints nothing for a job that was not recorded, or that it never saw begin', () => {
    const lines: string[] = [];
    const timings = createJobTimings((line) => lines.push(line));
    timings.begin('retried', { woken: 1, claimStarted: 2 });
    timings.mark('retried', 'loaded');
    timings.forget('retried');
    timings.end('retried', { graderMs: 1 });
    timings.mark('unknown', 'loaded');
    timings.end('unknown', { graderMs: 1 });
    expect(lines).toEqual([]);
  });
});
