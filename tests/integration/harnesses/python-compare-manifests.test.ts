// The python-compare-manifests harness in the real sandbox: the reference and a different correct
// style pass; each known-bad variant and the cheats fail; a syntax error, an endless loop and an
// exit at import are the candidate's error; hidden tests never show their inputs.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { MANIFEST_CASES } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import { seedFile, seedFiles } from './seed-files';

// A visible test's timeout, or a hidden one's with its category.
const TIMED_OUT = /^timed out( after 2 s| \[[a-z ]+\])$/;

const SLUG = 'write-python-function-compare-manifests-old';
const grade = (answer: string) => gradeCode({ kind: 'python', answer, harness: { name: 'python-compare-manifests', version: 1 } });

describe('python-compare-manifests harness', () => {
  it('passes the reference on every visible and hidden test', async () => {
    const result = await grade(seedFile(SLUG, 'reference.py'));
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result).toMatchObject({ status: 'passed', score: 100, gradedVersion: 'harness:python-compare-manifests@1', advice: [] });
    expect(result.tests.filter((t) => t.hidden).length).toBeGreaterThan(5);
    expect(result.tests.filter((t) => !t.hidden).map((t) => t.name)).toEqual([
      'identical manifests',
      'base image digest changed',
      'entrypoint changed',
      'Env in a different order is not a change',
      'only build-metadata labels changed (created, revision)',
    ]);
  });

  it.each(seedFiles(SLUG, 'good'))('passes the correct variant $name', async ({ code }) => {
    expect((await grade(code)).status).toBe('passed');
  });

  it.each(seedFiles(SLUG, 'bad'))('fails the known-bad variant $name', async ({ code }) => {
    const result = await grade(code);
    expect(result.status).not.toBe('passed');
    expect(result.status).not.toBe('infra_error');
    expect(result.score).toBeLessThan(100);
  });

  it('says what was returned and why it matters, with the traceback, for a visible test', async () => {
    const raiser = await grade("def compare_manifests(old, new):\n    return old['config']['Missing'] != 1\n");
    const visible = raiser.tests.find((t) => t.name === 'identical manifests')!;
    expect(visible.status).toBe('error');
    expect(visible.message).toContain("raised KeyError: 'Missing'");
    expect(visible.output).toContain('File "answer.py", line 2');
    const env = (await grade(seedFiles(SLUG, 'bad').find((f) => f.name === 'env-order-matters.py')!.code)).tests.find((t) => t.name === 'Env in a different order is not a change')!;
    expect(env).toMatchObject({ status: 'fail', message: expect.stringContaining('returned True, expected False') });
  });

  it('gives a hidden test only a reason category: no exception text, traceback or output', async () => {
    const result = await grade(seedFiles(SLUG, 'bad').find((f) => f.name === 'raises-on-missing-config.py')!.code);
    const test = result.tests.find((t) => t.name === 'config missing on both sides')!;
    expect(test).toEqual({ name: 'config missing on both sides', hidden: true, status: 'error', message: 'raised an exception [missing fields]' });
  });

  it('names the category of a hidden test that fails, as the Python kit does, and nothing of its input or expected value', async () => {
    // Review L4: this answer (Env compared as a list) was told a bare "wrong result" when hidden.
    const result = await grade(seedFile(SLUG, 'bad/env-compared-as-a-list.py'));
    expect(result.tests.filter((t) => t.hidden && t.status !== 'pass')).toEqual([{ name: 'missing Env compared with an empty Env', hidden: true, status: 'fail', message: 'wrong result [missing fields]' }]);
    const ports = (await grade(seedFile(SLUG, 'bad/ignores-ports.py'))).tests.filter((t) => t.status !== 'pass');
    expect(ports.map((t) => t.message)).toEqual(ports.map(() => 'wrong result [ports]'));
    expect(ports.length).toBeGreaterThan(0);
    expect(MANIFEST_CASES.filter((c) => c.hidden && !c.category)).toEqual([]);
  });

  it('hides a hidden test\'s inputs and the answer\'s own output for it', async () => {
    const printer = `${seedFile(SLUG, 'reference.py')}\n_real = compare_manifests\ndef compare_manifests(old, new):\n    print("INPUT", old)\n    return _real(old, new)\n`;
    const result = await grade(printer);
    expect(result.status).toBe('passed');
    expect(result.tests.find((t) => !t.hidden)!.output).toContain('INPUT');
    for (const test of result.tests.filter((t) => t.hidden)) expect(test.output ?? '').not.toContain('INPUT');
  });

  it('reports a SyntaxError as the candidate\'s error', async () => {
    const result = await grade('def compare_manifests(old, new)\n    return False\n');
    expect(result.status).toBe('error');
    expect(result.message).toContain('SyntaxError');
    expect(result.tests.every((t) => t.status === 'error')).toBe(true);
  });

  it('reports an endless loop in the function as timeouts and stops early', async () => {
    const result = await grade('def compare_manifests(old, new):\n    while True:\n        pass\n');
    expect(result.status).toBe('error');
    // Tests run in a random order: whichever two ran first timed out, the rest were skipped.
    const messages = result.tests.map((t) => t.message);
    expect(messages.filter((m) => TIMED_OUT.test(m))).toHaveLength(2);
    // Listed in a fixed order, so the skipped ones never say "earlier": the two that timed out
    // may be listed after them.
    expect(messages.filter((m) => m === 'not run: the run stopped after 2 tests timed out')).toHaveLength(result.tests.length - 2);
  });

  it('reports an endless loop at import, even one that swallows every exception', async () => {
    const result = await grade('while True:\n    try:\n        pass\n    except BaseException:\n        pass\n');
    expect(result.status).toBe('error');
    expect(result.tests.every((t) => t.status === 'error')).toBe(true);
    expect(result.message).toMatch(/time limit|took longer/);
  });
});
