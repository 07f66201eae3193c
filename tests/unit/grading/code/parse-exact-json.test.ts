// The returned value's JSON text is read as JSON.parse reads it, except that an integer a double
// cannot hold exactly stays exact (a bigint); text that is not JSON is still refused.
import { describe, expect, it } from 'vitest';
import { parseExactJson } from '@/grading/harnesses/python-kit/parse-exact-json';

describe('parseExactJson', () => {
  it('keeps an integer past 2^53 exact, at any depth, and leaves every other value as JSON.parse reads it', () => {
    expect(parseExactJson('100000000000000001')).toBe(100000000000000001n);
    expect(parseExactJson('{"a":[-9007199254740993,9007199254740991,1e+17,2.5,-0,true,null],"b":{"c":18446744073709551616}}')).toEqual({
      a: [-9007199254740993n, 9007199254740991, 1e17, 2.5, -0, true, null],
      b: { c: 18446744073709551616n },
    });
    expect(parseExactJson('[1,"x",false]')).toEqual([1, 'x', false]);
  });

  it('leaves digits inside strings alone, escaped quotes and backslashes included', () => {
    const text = '{"12345678901234567890":"a\\"12345678901234567890\\\\","n":12345678901234567890}';
    expect(parseExactJson(text)).toEqual({ '12345678901234567890': 'a"12345678901234567890\\', n: 12345678901234567890n });
  });

  it('keeps an own __proto__ key, as JSON.parse does', () => {
    const value = parseExactJson('{"__proto__":{"x":1},"n":100000000000000001}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'n']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('refuses text that is not JSON, also where a big integer stands', () => {
    for (const text of ['[012345678901234567890]', '{12345678901234567890:1}', '[12345678901234567890', '[1 12345678901234567890]', '"12345678901234567890']) {
      expect(() => parseExactJson(text)).toThrow(SyntaxError);
    }
  });
});
