import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, MAX_JSON_NESTING } from '@/lib/json-nesting';

describe('jsonNestingDepth', () => {
  it('counts the arrays and objects open at once', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
    expect(jsonNestingDepth('[[],[],[[]]]')).toBe(3);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonNestingDepth('["\\"[[[[", "\\\\", "{"]')).toBe(1);
  });

  it('measures a 100,000-level body without overflowing its own stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(jsonNestingDepth(deep)).toBe(100_000);
    expect(jsonNestingDepth(`{"args":${'['.repeat(MAX_JSON_NESTING)}${']'.repeat(MAX_JSON_NESTING)}}`)).toBe(MAX_JSON_NESTING + 1);
  });
});
