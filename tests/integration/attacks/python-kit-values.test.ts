// What an answer returns crosses the jail as JSON text of plain data, built by the runner with
// builtins captured before the import: values that are not plain data, too large or too deep, or
// rigged to look equal, are named as such on every test and never judged as a pass.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';

const grade = (body: string) => gradeCode({ kind: 'python', answer: `def canary_verdict(baseline, canary, policy):\n${body}\n`, harness: { name: 'python-canary-verdict', version: 1 } });
const firstVisible = async (body: string) => (await grade(body)).tests.find((t) => !t.hidden)!;

describe('python kit: returned values under attack', () => {
  it.each([
    ['a dict subclass that equals everything', "    class Any(dict):\n        def __eq__(self, other):\n            return True\n    return Any(verdict='promote', reasons=[])", 'not plain data'],
    ['a set of reasons', "    return {'verdict': 'promote', 'reasons': set()}", 'not plain data'],
    ['NaN', "    return {'verdict': 'promote', 'reasons': [float('nan')]}", 'NaN or infinity'],
    ['an integer of 5,000 digits', "    return {'verdict': 'promote', 'reasons': [10 ** 5000]}", 'too large to compare'],
    ['a list of a million items', "    return {'verdict': 'promote', 'reasons': list(range(1000000))}", 'too large to compare'],
    ['a list nested 100 deep', "    v = []\n    for _ in range(100):\n        v = [v]\n    return {'verdict': 'promote', 'reasons': v}", 'nested too deeply'],
    ['a dict with integer keys', "    return {1: 'promote'}", 'dict keys must be str'],
  ])('%s is reported, not passed', async (_, body, issue) => {
    const result = await grade(body);
    expect(result.status).not.toBe('passed');
    expect(result.tests.some((t) => t.status === 'pass')).toBe(false);
    const visible = result.tests.find((t) => !t.hidden)!;
    expect(visible.status).toBe('fail');
    expect(visible.message).toContain(issue);
    // A hidden test says what was wrong with the answer's own value, not "not a dict" for a dict.
    for (const hidden of result.tests.filter((t) => t.hidden)) {
      expect(hidden.message).toMatch(/^wrong result \(the value (?:is|has|holds) [^)]+\)?\) \[[a-z ]+\]$/);
      expect(hidden.message).toContain(issue);
    }
  });

  it('a value whose repr never returns is that test timing out, not a hang', async () => {
    const visible = await firstVisible("    class Slow(dict):\n        def __repr__(self):\n            while True:\n                pass\n    return Slow()");
    expect(visible).toMatchObject({ status: 'error', message: expect.stringMatching(/timed out/) });
  });

  it('rewriting _json, builtins and list methods at import does not change what is sent', async () => {
    const rewriter = `import _json, builtins, sys
_json.encode_basestring_ascii = lambda s: '"promote"'
sys.modules['_json'].encode_basestring_ascii = _json.encode_basestring_ascii
builtins.len = lambda x: 0
builtins.ValueError = KeyError
builtins.type = lambda x: dict
`;
    const result = await gradeCode({ kind: 'python', answer: `${rewriter}def canary_verdict(baseline, canary, policy):\n    return {'verdict': 'hold', 'reasons': ['x' * 10]}\n`, harness: { name: 'python-canary-verdict', version: 1 } });
    const visible = result.tests.find((t) => !t.hidden)!;
    expect(visible).toMatchObject({ status: 'fail', message: expect.stringContaining("returned {'verdict': 'hold', 'reasons': ['xxxxxxxxxx']}") });
  });
});
