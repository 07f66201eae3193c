// The python-compare-manifests harness on the seed content.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';

const dir = path.resolve(import.meta.dirname, '../../../seeds/content/write-python-function-compare-manifests-old');
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const grade = (answer: string) => gradeCode({ kind: 'python', answer, harness: { name: 'python-compare-manifests', version: 1 } });

describe('python-compare-manifests harness', () => {
  it('passes the reference solution, with hidden tests marked', async () => {
    const result = await grade(read('reference.py'));
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result).toMatchObject({ status: 'passed', score: 100, gradedVersion: 'harness:python-compare-manifests@1' });
    expect(result.tests.some((t) => t.hidden)).toBe(true);
    expect(result.tests.some((t) => !t.hidden)).toBe(true);
  });

  for (const file of readdirSync(path.join(dir, 'bad'))) {
    it(`fails the bad variant ${file}`, async () => {
      const result = await grade(read(`bad/${file}`));
      expect(result.status).not.toBe('passed');
      expect(result.status).not.toBe('infra_error');
      expect(result.tests.some((t) => t.status !== 'pass')).toBe(true);
    });
  }

  it('reports a syntax error as error with the message', async () => {
    const result = await grade('def compare_manifests(old, new)\n    return True\n');
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/SyntaxError/);
  });

  it('reports an infinite loop as a timeout', async () => {
    const result = await grade('def compare_manifests(old, new):\n    while True:\n        pass\n');
    expect(result.status).toBe('error');
    expect(result.tests[0]?.message).toBe('timed out after 2 s');
  }, 30_000);

  it('does not let a module forge results from the jail', async () => {
    const forger = [
      'import os, glob',
      'for f in glob.glob("/proc/*/fd/3"):',
      '    try:',
      '        open(f, "w").write("x {\\"id\\": \\"nope\\", \\"outcome\\": \\"value\\", \\"value\\": true, \\"type\\": \\"bool\\"}\\n")',
      '    except OSError:',
      '        pass',
      'def compare_manifests(old, new):',
      '    return False',
    ].join('\n');
    const result = await grade(forger);
    expect(result.status).toBe('failed');
  });
});
