// What a Python kit spec must be before the grader accepts it: unique test names, at least one
// visible and one hidden case, a Python identifier for the function, known comparison modes.
import { describe, expect, it } from 'vitest';
import { pythonKitAuthoringProblems, PythonKitSpecSchema } from '@/grading/harnesses/python-kit/kit-spec';
import { KIT_SPECS } from '@/grading/harnesses/python-kit/kit-harnesses';

const visible = { name: 'a', hidden: false, args: [1], expected: true, why: 'because' };
const hidden = { name: 'b', hidden: true, category: 'boundary', args: [[1, { x: null }]], expected: [1], why: 'because' };
const spec = { name: 'python-demo', version: 1, function: 'solve', cases: [visible, hidden] };
const problems = (input: unknown) => {
  const parsed = PythonKitSpecSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('PythonKitSpecSchema', () => {
  it('accepts a small spec and fills in the defaults', () => {
    expect(PythonKitSpecSchema.parse(spec)).toMatchObject({ compare: { mode: 'exact' }, timeoutSeconds: 2, importTimeoutSeconds: 2 });
  });

  it('names what is wrong', () => {
    expect(problems({ ...spec, cases: [visible, { ...hidden, name: 'a' }] })).toEqual(['cases.1.name: repeats the test name "a"']);
    expect(problems({ ...spec, cases: [visible, { ...visible, name: 'c' }] })).toEqual(['cases: at least one case is hidden']);
    expect(problems({ ...spec, cases: [hidden, { ...hidden, name: 'c' }] })).toEqual(['cases: at least one case is visible: the prompt shows it']);
    expect(problems({ ...spec, function: 'not a name' })).toEqual(['function: The function name is a Python identifier.']);
    expect(problems({ ...spec, name: 'bash-thing' })).toEqual(['name: A Python kit harness is named python-<slug>.']);
    expect(problems({ ...spec, compare: { mode: 'approx' } }).length).toBeGreaterThan(0);
    expect(problems({ ...spec, cases: [visible, { ...hidden, args: [undefined] }] }).length).toBeGreaterThan(0);
  });

  it('asks a spec being saved for whole numbers that survive, and still reads one stored before', () => {
    const rounded = JSON.parse('{"n": 100000000000000001}') as { n: number };
    const message = 'A whole number past 2^53 (9007199254740991) cannot be kept exactly: use a smaller one, or a string.';
    const stored = PythonKitSpecSchema.parse({ ...spec, cases: [visible, { ...hidden, args: [[{ x: -(2 ** 60) }]], expected: rounded.n }] });
    expect(pythonKitAuthoringProblems(stored)).toEqual([
      { path: ['cases', 1, 'args', 0, 0, 'x'], message },
      { path: ['cases', 1, 'expected'], message },
    ]);
    expect(pythonKitAuthoringProblems(PythonKitSpecSchema.parse({ ...spec, cases: [visible, { ...hidden, expected: [Number.MAX_SAFE_INTEGER, -0.5, 1.5e-10] }] }))).toEqual([]);
  });

  it('ships only specs a save would accept', () => {
    for (const shipped of KIT_SPECS) expect(pythonKitAuthoringProblems(shipped), shipped.name).toEqual([]);
  });
});
