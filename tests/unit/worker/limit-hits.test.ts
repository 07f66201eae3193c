// Limit hits as data (docs/decisions/015, addendum of 2026-12-04): the rule that makes a sandbox run
// a limit hit, and the bounds a grading process's IPC message and a runner's reply are held to. The
// sender may be hostile: a made-up limit name or an inflated count is refused, never counted.
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { limitHitsOf } from '@/grading/sandbox/sandbox-events';
import { RunnerReplySchema } from '@/runner/runner-protocol';
import { GraderMessageSchema, MAX_LIMIT_HITS } from '@/worker/grader-messages';

const result: GradeResult = { status: 'failed', score: 0, message: 'Out of memory.', tests: [], advice: [], gradedVersion: 'harness:python-compare-manifests@1', durationMs: 12 };
const run = { killedBy: null, stdoutTruncated: false, stderrTruncated: false } as const;

describe('limitHitsOf', () => {
  it('counts the limit that killed the jail, and output cut at its cap, both when a run hit both', () => {
    expect(limitHitsOf({ ...run, killedBy: 'memory' })).toEqual({ memory: 1 });
    expect(limitHitsOf({ ...run, stderrTruncated: true })).toEqual({ output: 1 });
    expect(limitHitsOf({ ...run, killedBy: 'wall-time', stdoutTruncated: true })).toEqual({ 'wall-time': 1, output: 1 });
    expect(limitHitsOf(run)).toEqual({});
  });

  it('does not count a jail we cancelled (a warm jail left unclaimed) as a limit hit', () => {
    expect(limitHitsOf({ ...run, killedBy: 'cancelled' })).toEqual({});
  });
});

describe("a grading process's limit-hits message", () => {
  const parse = (limitHits: unknown) => GraderMessageSchema.safeParse({ type: 'limit-hits', limitHits });

  it('carries counts of known limits', () => {
    expect(parse({ memory: 1, output: 2 }).data).toEqual({ type: 'limit-hits', limitHits: { memory: 1, output: 2 } });
    expect(parse({ 'wall-time': MAX_LIMIT_HITS }).success).toBe(true);
  });

  it('is refused with a forged huge, negative or fractional count, or a name that is not a limit', () => {
    expect(parse({ memory: MAX_LIMIT_HITS + 1 }).success).toBe(false);
    expect(parse({ memory: 1e308 }).success).toBe(false);
    expect(parse({ memory: -1 }).success).toBe(false);
    expect(parse({ memory: 0.5 }).success).toBe(false);
    expect(parse({ 'memory"} 1e9\nrehearse_x{a="': 1 }).success).toBe(false);
    expect(parse({ cancelled: 1 }).success).toBe(false);
    expect(parse([1, 2]).success).toBe(false);
    expect(parse('memory').success).toBe(false);
  });
});

describe("a runner's reply", () => {
  it('parses without limit hits (a runner of the previous release during a rolling update)', () => {
    expect(RunnerReplySchema.parse({ type: 'result', result })).toEqual({ type: 'result', result });
    const crash = RunnerReplySchema.parse({ type: 'crash', kind: 'crashed', message: 'x', gradedVersion: '' });
    expect(crash).toMatchObject({ type: 'crash', kind: 'crashed' });
    expect('limitHits' in crash && crash.limitHits).toBeFalsy();
  });

  it('carries the limit hits of a result or a crash', () => {
    expect(RunnerReplySchema.parse({ type: 'result', result, limitHits: { memory: 1 } })).toEqual({ type: 'result', result, limitHits: { memory: 1 } });
    expect(RunnerReplySchema.parse({ type: 'crash', kind: 'stalled', message: 'x', gradedVersion: '', limitHits: { 'cpu-time': 3 } })).toMatchObject({ limitHits: { 'cpu-time': 3 } });
  });

  it('drops forged limit hits (nothing counted) and keeps the result', () => {
    for (const limitHits of [{ memory: MAX_LIMIT_HITS + 1 }, { invented: 1 }, { memory: -2 }, 'lots']) {
      expect(RunnerReplySchema.parse({ type: 'result', result, limitHits })).toEqual({ type: 'result', result, limitHits: undefined });
    }
  });
});
