// A kit test judged from the reported value: a visible test explains itself in full; a hidden one
// says only its name, a reason category and its own category, whatever the report contains.
import { describe, expect, it } from 'vitest';
import { HIDDEN_REASONS, judgeKitCase } from '@/grading/harnesses/python-kit/judge-kit-case';
import type { Compare, KitCase } from '@/grading/harnesses/python-kit/kit-spec';
import type { PythonReport } from '@/grading/harnesses/python-kit/python-session';

const exact: Compare = { mode: 'exact' };
const visible: KitCase = { name: 'v', hidden: false, args: [{ a: 'INPUT' }, {}], expected: true, why: 'WHY' };
const hidden: KitCase = { ...visible, name: 'h', hidden: true };
const report = (fields: Partial<PythonReport>): PythonReport => ({ ok: true, type: 'bool', data: 'false', repr: 'False', stdout: 'OUT INPUT', stderr: '', ...fields });

describe('judgeKitCase', () => {
  it('tells a visible test what was returned, what was expected and why, with its output', () => {
    expect(judgeKitCase(visible, exact, report({}), 'not run', 2)).toEqual({ name: 'v', status: 'fail', message: 'returned False, expected True: WHY', output: 'OUT INPUT', outputTruncated: false });
    expect(judgeKitCase(visible, exact, report({ ok: false, error: "KeyError: 'INPUT'", traceback: 'TB' }), '', 2).message).toBe("raised KeyError: 'INPUT': WHY");
    expect(judgeKitCase(visible, exact, report({ type: 'str', data: '"yes"', repr: "'yes'" }), '', 2).message).toBe("returned 'yes' (a str), expected a bool");
    expect(judgeKitCase(visible, exact, report({ type: 'set', data: undefined, dataIssue: 'not plain data (dict, list, tuple, str, int, float, bool or None)', repr: '{1}' }), '', 2).message).toBe(
      'returned {1} (a set), expected a bool; the value is not plain data, or holds a value that is not: only dict, list, tuple, str, int, float, bool and None compare (convert a Fraction, Decimal or set first)',
    );
  });

  it('gives a hidden test a category only: no input, expected value, rule, exception text or output', () => {
    const cases: [Partial<PythonReport>, string, string][] = [
      [{}, 'fail', HIDDEN_REASONS.wrong],
      [{ type: 'str', data: '"INPUT"', repr: "'INPUT'" }, 'fail', 'wrong result (not a bool)'],
      [{ ok: false, error: "KeyError: 'INPUT'", traceback: 'INPUT' }, 'error', HIDDEN_REASONS.raised],
      [{ ok: false, timedOut: true }, 'error', HIDDEN_REASONS.timedOut],
      [{ ok: false, crashed: true }, 'error', HIDDEN_REASONS.crashed],
      [{ data: 'true', repr: 'True' }, 'pass', ''],
      // A value the runner could not pass on: what is wrong with it, not "not a bool".
      [{ type: 'dict', data: undefined, dataIssue: 'NaN or infinity is not comparable data', repr: "{'a': nan}" }, 'fail', 'wrong result (the value holds NaN or infinity, which is not comparable data)'],
      // An issue in words the runner does not use is not repeated.
      [{ type: 'dict', data: undefined, dataIssue: 'INPUT', repr: "{'a': 1}" }, 'fail', 'wrong result (the value cannot be compared)'],
    ];
    for (const [fields, status, message] of cases) {
      expect(judgeKitCase(hidden, exact, report(fields), 'not run', 2)).toEqual({ name: 'h', hidden: true, status, message });
    }
    const categorised = { ...hidden, category: 'boundary' };
    expect(judgeKitCase(categorised, exact, report({}), '', 2)).toEqual({ name: 'h', hidden: true, status: 'fail', message: 'wrong result [boundary]' });
    expect(judgeKitCase(categorised, exact, report({ data: 'true' }), '', 2)).toEqual({ name: 'h', hidden: true, status: 'pass', message: '' });
  });

  it('says why a test did not run when nothing was reported', () => {
    expect(judgeKitCase(hidden, exact, null, 'not run: it ran out of memory', 2)).toEqual({ name: 'h', hidden: true, status: 'error', message: 'not run: it ran out of memory' });
  });

  it('treats unparsable or absurdly nested data from the jail as a wrong type, never a crash', () => {
    const list: KitCase = { ...visible, expected: [1] };
    expect(judgeKitCase(list, exact, report({ type: 'list', data: '[1', repr: '[1' }), '', 2).status).toBe('fail');
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(judgeKitCase(list, exact, report({ type: 'list', data: deep, repr: '[[[' }), '', 2)).toMatchObject({ status: 'fail', message: expect.stringContaining('expected a list') });
  });

  it('compares an int past 2^53 exactly, as Python would: 10**17 + 1 is not 10**17', () => {
    const big: KitCase = { ...visible, expected: 1e17 };
    const int = (data: string) => report({ type: 'int', data, repr: data });
    expect(judgeKitCase(big, exact, int('100000000000000001'), '', 2)).toMatchObject({ status: 'fail', message: 'returned 100000000000000001, expected 100000000000000000: WHY' });
    expect(judgeKitCase({ ...big, hidden: true }, exact, int('100000000000000001'), '', 2)).toMatchObject({ status: 'fail', message: HIDDEN_REASONS.wrong });
    expect(judgeKitCase(big, exact, int('100000000000000000'), '', 2).status).toBe('pass');
    expect(judgeKitCase(big, exact, report({ type: 'float', data: '1e+17', repr: '1e+17' }), '', 2).status).toBe('pass');
    const nested: KitCase = { ...visible, expected: { ids: [9007199254740992, 2.5, true] } };
    expect(judgeKitCase(nested, exact, report({ type: 'dict', data: '{"ids":[9007199254740993,2.5,true]}' }), '', 2).status).toBe('fail');
    expect(judgeKitCase(nested, exact, report({ type: 'dict', data: '{"ids":[9007199254740992,2.5,true]}' }), '', 2).status).toBe('pass');
    expect(judgeKitCase(nested, exact, report({ type: 'dict', data: '{"ids":[9007199254740992,2.5,1]}' }), '', 2).status).toBe('fail');
  });

  it('compares with the case\'s own mode over the spec\'s', () => {
    const unordered: KitCase = { ...visible, expected: ['a', 'b'], compare: { mode: 'unordered' } };
    expect(judgeKitCase(unordered, exact, report({ type: 'list', data: '["b","a"]' }), '', 2).status).toBe('pass');
    expect(judgeKitCase({ ...unordered, compare: undefined }, exact, report({ type: 'list', data: '["b","a"]' }), '', 2).message).toBe("returned ['b', 'a'], expected ['a', 'b']: WHY");
  });

  it('explains a wrong value only where the case is about; elsewhere it says where it differs, or the category of the cases about that part', () => {
    const expected = { endpoints: { 'GET /a': { count: 2, p99: 70 } }, malformed: 0 };
    const grouping: KitCase = { ...visible, expected, category: 'grouping', about: [['endpoints', '*'], ['endpoints', '*', 'count']] };
    const percentiles: KitCase = { ...hidden, name: 'p', expected, category: 'percentiles', about: [['endpoints', '*', 'p99']] };
    const parsing: KitCase = { ...hidden, name: 'q', expected, category: 'parsing', about: [['malformed'], ['endpoints', '**']] };
    const cases = [grouping, percentiles, parsing];
    const returned = (value: unknown) => report({ type: 'dict', data: JSON.stringify(value) });
    const wrongP99 = returned({ endpoints: { 'GET /a': { count: 2, p99: 50 } }, malformed: 0 });
    const split = returned({ endpoints: { 'GET /a?id=1': { count: 1, p99: 70 }, 'GET /a?id=2': { count: 1, p99: 70 } }, malformed: 0 });
    expect(judgeKitCase(grouping, exact, wrongP99, '', 2, cases).message).toMatch(/: they differ at \['endpoints'\]\['GET \/a'\]\['p99'\]$/);
    expect(judgeKitCase(grouping, exact, split, '', 2, cases).message).toMatch(/: WHY$/);
    expect(judgeKitCase({ ...grouping, hidden: true }, exact, wrongP99, '', 2, cases).message).toBe('wrong result [percentiles, parsing]');
    expect(judgeKitCase({ ...grouping, hidden: true }, exact, split, '', 2, cases).message).toBe('wrong result [grouping]');
    expect(judgeKitCase(percentiles, exact, wrongP99, '', 2, cases).message).toBe('wrong result [percentiles]');
    // Nothing else is about a wrong count of malformed lines here: no category to give.
    expect(judgeKitCase(percentiles, exact, returned({ ...expected, malformed: 1 }), '', 2, [percentiles]).message).toBe(HIDDEN_REASONS.wrong);
    // A case that names nothing is about the whole value.
    expect(judgeKitCase({ ...visible, expected }, exact, wrongP99, '', 2, cases).message).toMatch(/: WHY$/);
  });
});
