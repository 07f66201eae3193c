import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, formatPath } from '@/server/bundles/format-issues';

describe('formatPath', () => {
  it('writes indexes in brackets and names with dots', () => {
    expect(formatPath(['questions', 3, 'rubric', 'concepts', 0, 'weight'])).toBe('questions[3].rubric.concepts[0].weight');
  });
  it('quotes keys that are not identifiers and names the root', () => {
    expect(formatPath(['topic', 'odd key'])).toBe('topic["odd key"]');
    expect(formatPath([])).toBe('bundle');
  });
});

describe('formatIssues', () => {
  const issues = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) throw new Error('expected a failure');
    return formatIssues(result.error.issues);
  };

  it('keeps a schema’s own message for range and custom checks', () => {
    expect(issues(z.object({ n: z.number().min(1, 'Use 1 or more.') }), { n: 0 })).toEqual(['n: Use 1 or more.']);
  });

  it('describes the value it found without dumping long text', () => {
    expect(issues(z.object({ n: z.number() }), { n: 'x'.repeat(100) })).toEqual(['n: expected a number, found a string']);
    expect(issues(z.object({ n: z.boolean() }), { n: null })).toEqual(['n: expected true or false, found null']);
  });

  it('caps a long list of problems', () => {
    const lines = issues(z.array(z.number()), Array.from({ length: 60 }, () => 'x'));
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('…and 10 more problems');
  });
});
