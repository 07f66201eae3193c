// The bash-deploy harness on the seed content: reference and good variants pass everything,
// every known-bad variant fails at least one scenario.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { GradeResultSchema } from '@/grading/contract';
import { gradeCode } from '@/grading/code/grade-code';

const dir = path.resolve(import.meta.dirname, '../../../seeds/content/write-bash-script-pulls-specified-docker');
const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const grade = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: 'bash-deploy', version: 1 } });

describe('bash-deploy harness', () => {
  it('passes the reference solution on every scenario, well under a second', async () => {
    const result = await grade(read('reference.sh'));
    expect(GradeResultSchema.parse(result)).toBeTruthy();
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result).toMatchObject({ status: 'passed', score: 100, gradedVersion: 'harness:bash-deploy@1' });
    expect(result.tests[0]?.calls?.[0]).toBe('docker pull registry.example.com/shop/myapp:2.4.1');
  });

  for (const file of readdirSync(path.join(dir, 'good'))) {
    it(`passes the good variant ${file}`, async () => {
      const result = await grade(read(`good/${file}`));
      expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
      expect(result.status).toBe('passed');
    });
  }

  for (const file of readdirSync(path.join(dir, 'bad'))) {
    it(`fails the bad variant ${file}`, async () => {
      const result = await grade(read(`bad/${file}`));
      expect(result.status).not.toBe('passed');
      expect(result.status).not.toBe('infra_error');
      expect(result.tests.some((t) => t.status !== 'pass')).toBe(true);
    });
  }

  it('reports a syntax error as a failed run, with shellcheck advice that does not change the score', async () => {
    const result = await grade('#!/bin/bash\nif [ -z $1 ]; then\n  echo usage\n');
    expect(result.status).not.toBe('passed');
    expect(result.advice.join('\n')).toMatch(/^SC\d+ line \d+: /m);
  });

  it('reports an infinite loop as a timeout', async () => {
    const result = await grade('#!/bin/bash\nwhile :; do :; done\n');
    expect(result.status).toBe('error');
    expect(result.tests[0]?.message).toMatch(/timed out after 2 s/);
  }, 30_000);

  it('rejects an unknown harness version as infra_error', async () => {
    const result = await gradeCode({ kind: 'bash', answer: 'exit 0', harness: { name: 'bash-deploy', version: 99 } });
    expect(result.status).toBe('infra_error');
  });
});
