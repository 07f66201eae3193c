// The kit's comparison modes and how values are written back in Python's notation.
import { describe, expect, it } from 'vitest';
import { pythonLiteral, valuesMatch } from '@/grading/harnesses/python-kit/compare-values';

describe('valuesMatch', () => {
  it('exact: same JSON value; 1 equals 1.0, but a bool is never a number', () => {
    expect(valuesMatch({ a: [1, 'x', null] }, { a: [1.0, 'x', null] }, { mode: 'exact' })).toBe(true);
    expect(valuesMatch(true, 1, { mode: 'exact' })).toBe(false);
    expect(valuesMatch(0, false, { mode: 'exact' })).toBe(false);
    expect(valuesMatch([1, 2], [2, 1], { mode: 'exact' })).toBe(false);
    expect(valuesMatch({ a: 1, b: 2 }, { a: 1 }, { mode: 'exact' })).toBe(false);
    expect(valuesMatch({ a: 1 }, { a: 1, b: 2 }, { mode: 'exact' })).toBe(false);
    expect(valuesMatch([[1]], [1], { mode: 'exact' })).toBe(false);
  });

  it('exact: an int past 2^53 (a bigint) equals a number only by exact value, as in Python', () => {
    const mode = { mode: 'exact' } as const;
    expect(valuesMatch(100000000000000001n, 1e17, mode)).toBe(false);
    expect(valuesMatch(100000000000000000n, 1e17, mode)).toBe(true);
    expect(valuesMatch({ n: [-9007199254740993n] }, { n: [-9007199254740992] }, mode)).toBe(false);
    expect(valuesMatch(9007199254740993n, 9007199254740993.5, mode)).toBe(false);
    expect(valuesMatch(100000000000000000n, '100000000000000000', mode)).toBe(false);
    expect(valuesMatch(1n, true, mode)).toBe(false);
    expect(valuesMatch([100000000000000001n, 1], [1, 100000000000000001], { mode: 'unordered' })).toBe(false);
    expect(valuesMatch([100000000000000000n, 1], [1, 1e17], { mode: 'unordered' })).toBe(true);
    expect(valuesMatch(100000000000000001n, 1e17, { mode: 'approx', tolerance: 0.001 })).toBe(true);
  });

  it('unordered: lists at any depth are multisets, counts included', () => {
    const mode = { mode: 'unordered' } as const;
    expect(valuesMatch([{ r: ['b', 'a'] }, 2], [2, { r: ['a', 'b'] }], mode)).toBe(true);
    expect(valuesMatch(['a', 'a', 'b'], ['a', 'b', 'b'], mode)).toBe(false);
    expect(valuesMatch(['a'], ['a', 'a'], mode)).toBe(false);
  });

  it('approx: numbers within the tolerance, absolute below 1 and relative above', () => {
    const mode = { mode: 'approx', tolerance: 0.001 } as const;
    expect(valuesMatch({ p: 0.3333 }, { p: 1 / 3 }, mode)).toBe(true);
    expect(valuesMatch(1000.9, 1000, mode)).toBe(true);
    expect(valuesMatch(1002, 1000, mode)).toBe(false);
    expect(valuesMatch([0.5, 2], [2, 0.5], mode)).toBe(false);
    expect(valuesMatch('1', 1, mode)).toBe(false);
  });
});

describe('pythonLiteral', () => {
  it('writes JSON values as Python would print them, cut when long', () => {
    expect(pythonLiteral({ ok: true, why: null, n: [1, 2.5, 3e21], s: "it's" })).toBe(`{'ok': True, 'why': None, 'n': [1, 2.5, 3e+21], 's': "it's"}`);
    expect(pythonLiteral('a\nb')).toBe("'a\\nb'");
    expect(pythonLiteral('x'.repeat(500), 20)).toHaveLength(20);
    expect(pythonLiteral([100000000000000001n, -(2n ** 64n)])).toBe('[100000000000000001, -18446744073709551616]');
  });
});
