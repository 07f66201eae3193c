// A correct answer is never failed because our machine was busy (codeview H2): at load ~20 a
// Bash answer that parses came back "bash could not parse the script: bash -n was stopped
// (wall-time)" and a 1.7 KB YAML "ran past the time limit (5 s)". The check jail (bash -n and
// ShellCheck) and the configuration jail now stretch on a busy host, and one starved past that is
// an infra error the queue grades again. Here the host is made busy with CPU burners (six per core,
// each in a session of its own) beside a driver at the grading priority of `npm start` (nice 10):
// each answer comes back graded as it should be, or as that infra error, never as its own fault.
import { afterEach, describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { checkBashAnswer, prestartWarmBashCheck } from '@/grading/code/shellcheck-advice';
import type { GradeResult } from '@/grading/contract';
import { findHarness } from '@/grading/harnesses/find-harness';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { readHostCpuStallMs } from '@/grading/sandbox/host-cpu-stall';
import { seedFile } from '../harnesses/seed-files';
import { burnEveryCpu as startBurners } from '../sandbox/burn-every-cpu';

const TOO_BUSY = /^the grading machine was too busy to time the answer: /;
let stopBurners = () => {};
const burnEveryCpu = (perCpu: number) => (stopBurners = startBurners(perCpu));

afterEach(() => stopBurners());

// Graded as it should be (`expected`), or ours to grade again: nothing in between.
function expectGradedOrTooBusy(result: GradeResult, expected: GradeResult['status']) {
  if (result.status === 'infra_error') expect(result.message).toMatch(TOO_BUSY);
  else expect({ status: result.status, message: result.message, notPassing: result.tests.filter((t) => t.status !== 'pass') }).toEqual({ status: expected, message: result.message, notPassing: [] });
}

// Without PSI nothing stretches, and the starved rule has nothing to go on.
describe.runIf(readHostCpuStallMs() !== null)('the check and configuration jails on a busy host', () => {
  it('checks a Bash answer that parses as parsing, cold and warm, or says the machine was too busy', { timeout: 90_000 }, async () => {
    const driver = createBwrapDriver({ nice: 10 });
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const answer = seedFile('bash-nginx-blue-green-switch', 'reference.sh');
    burnEveryCpu(6);
    for (let i = 0; i < 2; i++) {
      // The second check takes the jail started before its answer (the driver keeps one warm).
      if (i === 1) prestartWarmBashCheck(driver);
      const { syntax } = await checkBashAnswer(answer, driver);
      if (syntax?.infraError) expect(syntax).toEqual({ error: null, infraError: expect.stringMatching(TOO_BUSY) });
      // Null: stopped before bash -n answered by another limit; the harness then checks on its own.
      else if (syntax) expect(syntax).toEqual({ error: null });
    }
  });

  it('grades a correct Bash answer through gradeCode as passed, or as too busy, never as a syntax error', { timeout: 120_000 }, async () => {
    const driver = createBwrapDriver({ nice: 10 });
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const slug = 'bash-nginx-blue-green-switch';
    const request = { kind: 'bash' as const, answer: seedFile(slug, 'reference.sh'), harness: { name: slug, version: findHarness(slug)!.version } };
    burnEveryCpu(6);
    // The first grading's check jail is cold, the second's warm (started after the first).
    for (let i = 0; i < 2; i++) {
      const result = await gradeCode(request, driver);
      expect(result.message).not.toMatch(/could not parse/);
      expectGradedOrTooBusy(result, 'passed');
    }
  });

  it('grades a correct YAML answer as passed, or as too busy, never as the YAML\'s own timeout', { timeout: 90_000 }, async () => {
    const driver = createBwrapDriver({ nice: 10 });
    expect((await driver.run({ command: ['/bin/true'] })).exitCode).toBe(0);
    const slug = 'config-kubernetes-zero-downtime';
    const request = { kind: 'config' as const, answer: seedFile(slug, 'reference.yaml'), harness: { name: slug, version: findHarness(slug)!.version } };
    burnEveryCpu(6);
    for (let i = 0; i < 2; i++) {
      const result = await gradeCode(request, driver);
      expect(result.message).not.toMatch(/could not be checked/);
      expectGradedOrTooBusy(result, 'passed');
    }
  });
});
