// The Bash check jail (bash -n, then ShellCheck) on a busy host: it stretches as a scenario jail
// does, and a jail starved before bash -n answered is ours (an infra error the queue grades
// again), never "bash could not parse the script". A verdict bash -n gave before the host kept
// ShellCheck waiting still stands. Fake drivers play the sandbox's side.
import { describe, expect, it } from 'vitest';
import { checkBashAnswer, CHECK_BUSY_HOST_STRETCH, readSyntax } from '@/grading/code/shellcheck-advice';
import { BASH_DEPLOY_SPEC } from '@/grading/harnesses/bash-deploy/bash-deploy-harness';
import { checkBashSyntax } from '@/grading/harnesses/bash-deploy/check-bash-syntax';
import { createBashKitHarness } from '@/grading/harnesses/bash-kit/create-bash-kit-harness';
import { createFakeDriver } from '@/grading/sandbox/create-fake-driver';
import { sandboxInfraResult, type SandboxResult } from '@/grading/sandbox/sandbox-driver';

const TOO_BUSY = 'the grading machine was too busy to time the answer: its jail waited for a CPU for most of its 5 s limit (extended to 10 s), so the run was stopped and the answer is graded again';
const ended = (extra: Partial<SandboxResult>): SandboxResult => ({ ...sandboxInfraResult(''), infraError: null, exitCode: 0, ...extra });
const starved = (stderr = '') => ended({ infraError: TOO_BUSY, killedBy: 'starved', exitCode: null, signal: 'SIGKILL', stderr });
const killed = (killedBy: SandboxResult['killedBy'], stderr = '') => ended({ killedBy, exitCode: null, signal: 'SIGKILL', timedOut: killedBy === 'wall-time', stderr });

describe('readSyntax', () => {
  it('keeps the verdict bash -n gave before any kill, starved or not', () => {
    expect(readSyntax(starved('rehearse-syntax 0\n'))).toEqual({ error: null });
    expect(readSyntax(killed('wall-time', 'answer.sh: line 2: syntax error\nrehearse-syntax 2\n'))).toEqual({ error: 'answer.sh: line 2: syntax error' });
  });

  it('makes a jail starved before bash -n answered an infra error, never a syntax error', () => {
    expect(readSyntax(starved())).toEqual({ error: null, infraError: TOO_BUSY });
  });

  it('gives no verdict (the harness checks on its own) when another limit stopped the jail before bash -n answered', () => {
    for (const reason of ['wall-time', 'cpu-time', 'memory', 'processes'] as const) expect(readSyntax(killed(reason))).toBeNull();
  });
});

describe('checkBashAnswer on a busy host', () => {
  it('stretches the check jail\'s wall limit as a scenario\'s', async () => {
    const driver = createFakeDriver({ respond: () => ({ stderr: 'rehearse-syntax 0\n', stdout: '[]' }) });
    expect(await checkBashAnswer('echo ok\n', driver, '/fake/shellcheck')).toEqual({ advice: [], syntax: { error: null } });
    expect(driver.specs[0]!.stretchWallOnBusyHost).toBe(CHECK_BUSY_HOST_STRETCH);
    expect(CHECK_BUSY_HOST_STRETCH).toBeGreaterThan(1);
  });

  it('passes a starved jail on as infra, or keeps bash -n\'s verdict and drops only the advice', async () => {
    const before = await checkBashAnswer('echo ok\n', createFakeDriver({ respond: () => starved() }), '/fake/shellcheck');
    expect(before.syntax).toEqual({ error: null, infraError: TOO_BUSY });
    const after = await checkBashAnswer('echo ok\n', createFakeDriver({ respond: () => starved('rehearse-syntax 0\n') }), '/fake/shellcheck');
    expect(after).toEqual({ advice: ['ShellCheck advice was dropped: the grading machine was too busy to run it.'], syntax: { error: null } });
  });

  it('says how long a stretched ShellCheck ran when it still hit its time limit', async () => {
    const slow = createFakeDriver({ respond: () => ({ ...killed('wall-time', 'rehearse-syntax 0\n'), wallLimitMs: 8_400 }) });
    expect((await checkBashAnswer('echo ok\n', slow, '/fake/shellcheck')).advice).toEqual(['ShellCheck advice was dropped: checking this answer hit its time limit (8.4 s: its 5 s, extended while the grading machine was busy).']);
    const plain = createFakeDriver({ respond: () => ({ ...killed('wall-time', 'rehearse-syntax 0\n'), wallLimitMs: 5_000 }) });
    expect((await checkBashAnswer('echo ok\n', plain, '/fake/shellcheck')).advice).toEqual(['ShellCheck advice was dropped: checking this answer hit its time limit (5 s).']);
  });
});

describe('the Bash harness\'s own bash -n jail on a busy host', () => {
  const files = [{ path: 'deploy.sh', content: 'echo ok\n' }];
  it('stretches, and makes a starved run or a kill before bash -n said anything ours', async () => {
    const quiet = createFakeDriver({ respond: () => ({}) });
    expect(await checkBashSyntax(files, 'g', quiet)).toEqual({ error: null, infraError: null });
    expect(quiet.specs[0]!.stretchWallOnBusyHost).toBe(CHECK_BUSY_HOST_STRETCH);
    expect(await checkBashSyntax(files, 'g', createFakeDriver({ respond: () => starved() }))).toEqual({ error: null, infraError: TOO_BUSY });
    const stopped = await checkBashSyntax(files, 'g', createFakeDriver({ respond: () => killed('wall-time') }));
    expect(stopped.error).toBeNull();
    expect(stopped.infraError).toMatch(/^bash -n was stopped \(wall-time\) before it finished parsing the answer/);
  });

  it('still reports what bash -n said as the script\'s syntax error', async () => {
    const broken = createFakeDriver({ respond: () => ({ exitCode: 2, stderr: '/harness/deploy.sh: line 3: syntax error: unexpected end of file' }) });
    expect(await checkBashSyntax(files, 'g', broken)).toEqual({ error: 'deploy.sh: line 3: syntax error: unexpected end of file', infraError: null });
  });
});

describe('a Bash kit harness given a starved check', () => {
  it('is an infra error, not "bash could not parse the script"', async () => {
    const harness = createBashKitHarness(BASH_DEPLOY_SPEC);
    const scenarios = createFakeDriver({ respond: () => ({}) });
    const outcome = await harness.run('#!/bin/bash\necho ok\n', scenarios, { syntax: Promise.resolve({ error: null, infraError: TOO_BUSY }) });
    expect(outcome).toEqual({ kind: 'infra_error', message: TOO_BUSY });
  });
});
