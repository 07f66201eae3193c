// Attack: a Bash answer that makes ShellCheck itself blow up (2,300 nested ifs took 786 MB-3 GB
// when ShellCheck ran outside the jail). It now runs in the jail, under the run's cgroup memory
// limit and a 5 s wall: the grade finishes in time with the advice dropped and a note, and a
// benign grading beside it is not held up.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { checkBashAnswer, prestartWarmBashCheck, SHELLCHECK_LIMITS } from '@/grading/code/shellcheck-advice';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import type { SandboxDriver } from '@/grading/sandbox/sandbox-driver';
import { findHarness } from '@/grading/harnesses/find-harness';

const NESTED = 2_300;
const bomb = `#!/bin/bash\n${'if true; then\n'.repeat(NESTED)}echo deep\n${'fi\n'.repeat(NESTED)}`;
const benign = () => gradeCode({ kind: 'python', answer: 'def compare_manifests(old, new):\n    return old != new\n', harness: { name: 'python-compare-manifests', version: 1 } });
const shellcheckAdvice = async (answer: string, driver: SandboxDriver) => (await checkBashAnswer(answer, driver)).advice;
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

  // bash -n runs in the ShellCheck jail (checkBashAnswer), and the harness takes its verdict
  // instead of starting a jail of its own: the verdict must be the one its own jail gave.
  it('gives bash -n\'s verdict from the ShellCheck jail, the same as the harness\'s own bash -n jail', async () => {
    const driver = createBwrapDriver();
    const harness = findHarness('bash-deploy')!;
    const scripts = [
      '#!/bin/bash\necho ok\n',
      '#!/bin/bash\nif [ -z "$1" ]; then\n  echo usage\n',
      // The offending line is echoed in bash's error: it cannot pass for the status line.
      '#!/bin/bash\nrehearse-syntax 0 )\n',
      `#!/bin/bash\n${'echo "rehearse-syntax 0"\n'.repeat(50)}fi\n`,
    ];
    for (const script of scripts) {
      const alone = await harness.run(script, driver);
      const checked = await checkBashAnswer(script, driver);
      const graded = await harness.run(script, driver, { syntax: Promise.resolve(checked.syntax) });
      expect(checked.syntax).not.toBeNull();
      expect(graded.kind).toBe(alone.kind);
      if (alone.kind === 'error') expect(graded).toEqual(alone);
    }
    expect((await checkBashAnswer(scripts[2]!, driver)).syntax!.error).toMatch(/syntax error/);
    expect((await checkBashAnswer(scripts[0]!, driver)).syntax).toEqual({ error: null });
  });

  it('grades a Bash answer with one jail fewer: no bash -n jail beside the ShellCheck one', async () => {
    const real = createBwrapDriver();
    const commands: string[][] = [];
    const counting: SandboxDriver = { name: 'counting', run: (spec) => (commands.push(spec.command), real.run(spec)) };
    const result = await gradeCode({ kind: 'bash', answer: '#!/bin/bash\nif [ -z "$1" ]; then\n  echo usage\n', harness: { name: 'bash-deploy', version: findHarness('bash-deploy')!.version } }, counting);
    expect(result.message).toMatch(/bash could not parse the script: deploy\.sh: line \d+: syntax error/);
    expect(commands.filter((c) => c[0] === '/bin/bash' && c[1] === '-n')).toHaveLength(0);
    expect(commands.filter((c) => c.join(' ').includes('shellcheck'))).toHaveLength(1);
  });

  // A Bash grading's check runs in a pre-started jail when there is one: the same jail, limits and
  // command as a cold one, the answer added at the claim. What it says must not differ.
  it('says exactly what a cold check jail says, from a warm one, and keeps its limits', async () => {
    const cold = createBwrapDriver({ prestart: false });
    const real = createBwrapDriver();
    const commands: string[][] = [];
    const warm: SandboxDriver = { name: 'warm', prestarts: true, run: (spec) => (commands.push(spec.command), real.run(spec)) };
    const scripts = [
      '#!/bin/bash\necho $1\n',
      '#!/bin/bash\nif [ -z "$1" ]; then\n  echo usage\n',
      '#!/bin/bash\nrehearse-syntax 0 )\n',
      `#!/bin/bash\n${'echo "rehearse-syntax 0"\n'.repeat(50)}fi\n`,
      bomb,
    ];
    // Which limit the bomb meets first (memory or time) may differ from run to run.
    const sameLimit = (check: Awaited<ReturnType<typeof checkBashAnswer>>) => ({ ...check, advice: check.advice.map((a) => a.replace(/its (memory|time) limit.*/, 'a limit')) });
    const fromWarm = [];
    for (const script of scripts) {
      prestartWarmBashCheck(warm);
      fromWarm.push(await checkBashAnswer(script, warm));
      expect(sameLimit(fromWarm.at(-1)!)).toEqual(sameLimit(await checkBashAnswer(script, cold)));
    }
    // Every check ran in a jail started before its answer, none in a cold one.
    expect(commands).toHaveLength(scripts.length);
    expect(commands.every((c) => c.includes('--no-relay') && c.some((part) => part.endsWith('shellcheck')))).toBe(true);
    expect(fromWarm.at(-1)!.advice[0]).toMatch(/^ShellCheck advice was dropped: checking this answer hit its (memory|time) limit/);
  }, 60_000);

  it('starts the next check jail after a Bash grading, and the next grading takes it', async () => {
    const real = createBwrapDriver();
    const commands: string[][] = [];
    const driver: SandboxDriver = { name: 'watched', prestarts: true, run: (spec) => (commands.push(spec.command), real.run(spec)) };
    const request = { kind: 'bash' as const, answer: '#!/bin/bash\necho $1\n', harness: { name: 'bash-deploy', version: findHarness('bash-deploy')!.version } };
    const first = await gradeCode(request, driver);
    const second = await gradeCode(request, driver);
    expect(second.advice).toEqual(first.advice);
    expect(first.advice.join('\n')).toContain('SC2086');
    const checks = commands.filter((c) => c.some((part) => part.endsWith('shellcheck')));
    // The first grading's cold check, then the warm one it started (taken by the second), then the
    // one the second started.
    expect(checks.map((c) => c.includes('--no-relay'))).toEqual([false, true, true]);
  }, 60_000);
});
