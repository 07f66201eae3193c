// Attack: a Bash answer that makes ShellCheck itself blow up (2,300 nested ifs took 786 MB-3 GB
// when ShellCheck ran outside the jail). It now runs in the jail, under the run's cgroup memory
// limit and a 5 s wall: the grade finishes in time with the advice dropped and a note, and a
// benign grading beside it is not held up.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { SHELLCHECK_LIMITS, shellcheckAdvice } from '@/grading/code/shellcheck-advice';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { findHarness } from '@/grading/harnesses/find-harness';

const NESTED = 2_300;
const bomb = `#!/bin/bash\n${'if true; then\n'.repeat(NESTED)}echo deep\n${'fi\n'.repeat(NESTED)}`;
const benign = () => gradeCode({ kind: 'python', answer: 'def compare_manifests(old, new):\n    return old != new\n', harness: { name: 'python-compare-manifests', version: 1 } });
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

describe('ShellCheck in the jail', () => {
  it('still gives advice on an ordinary script', async () => {
    const advice = await shellcheckAdvice('#!/bin/bash\necho $1\n', createBwrapDriver());
    expect(advice.join('\n')).toContain('SC2086');
  });

  it('drops the advice of a ShellCheck bomb within its limits, and the grade finishes', async () => {
    const driver = createBwrapDriver();
    const alone = await timed(() => shellcheckAdvice(bomb, driver));
    expect(alone.value).toHaveLength(1);
    expect(alone.value[0]).toMatch(/^ShellCheck advice was dropped: checking this answer hit its (memory|time) limit/);
    expect(alone.ms).toBeLessThan(SHELLCHECK_LIMITS.wallTimeMs + 2_000);

    const graded = await timed(() => gradeCode({ kind: 'bash', answer: bomb, harness: { name: 'bash-deploy', version: findHarness('bash-deploy')!.version } }));
    expect(graded.value.status).not.toBe('infra_error');
    expect(graded.value.advice.join('\n')).toContain('ShellCheck advice was dropped');
    expect(graded.ms).toBeLessThan(SHELLCHECK_LIMITS.wallTimeMs + 5_000);
  });

  it('does not hold up a benign grading beside it', async () => {
    const quiet: number[] = [];
    for (let i = 0; i < 3; i++) quiet.push((await timed(benign)).ms);
    const quietMs = quiet.sort((a, b) => a - b)[1]!;
    const [beside] = await Promise.all([timed(benign), shellcheckAdvice(bomb, createBwrapDriver())]);
    expect(beside.value.status).toBe('failed');
    // 1.5x its quiet time, plus a fixed allowance for a shared 2-core machine.
    expect(beside.ms).toBeLessThan(1.5 * quietMs + 500);
  });
});
