// The Python kit's timers on a busy host: the child's per-test and import limits count its own CPU
// time, and the runner's wall deadlines stretch while the answer waits for a CPU. A correct answer
// kept off the CPU is never the candidate's timeout (it passes, or the grading is an infra error,
// graded again); a spinning answer never passes; a sleeping one still times out. The host is made
// busy with CPU burners beside a driver at the grading priority of `npm start` (nice 10).
import { afterEach, describe, expect, it } from 'vitest';
import { findHarness } from '@/grading/harnesses/find-harness';
import type { HarnessOutcome } from '@/grading/harnesses/harness';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { burnEveryCpu as startBurners } from '../sandbox/burn-every-cpu';
import { seedFile } from './seed-files';

// A visible test's timeout, or a hidden one's with its category.
const TIMED_OUT = /^timed out( after 2 s| \[[a-z ]+\])$/;

const harness = findHarness('python-compare-manifests')!;
const reference = seedFile('write-python-function-compare-manifests-old', 'reference.py');
const TOO_BUSY = /^the grading machine was too busy to time the answer: .*; it is graded again$/;
let stopBurners = () => {};
const burnEveryCpu = (perCpu: number) => (stopBurners = startBurners(perCpu));

afterEach(() => stopBurners());

const testsOf = (outcome: HarnessOutcome) => (outcome.kind === 'tests' || outcome.kind === 'error' ? outcome.tests : []);

describe('the Python kit on a busy host', () => {
  const driver = createBwrapDriver();

  // The runner reads the answer's /proc/<pid>/task/<tid>/schedstat in the jail's own /proc; the
  // answer's processes and the supervisor are undumpable alike, so the answer reading pid 1's
  // shows the supervisor can read the answer's.
  it('can read run-queue waits in the jail', { timeout: 60_000 }, async () => {
    const probe = `import os\n_tasks = os.listdir('/proc/1/task')\n_fields = [int(x) for x in open('/proc/1/task/1/schedstat').read().split()]\nassert len(_fields) == 3 and _fields[0] > 0, _fields\n${reference}`;
    const outcome = await harness.run(probe, driver);
    expect(outcome.kind).toBe('tests');
    expect(testsOf(outcome).filter((t) => t.status !== 'pass')).toEqual([]);
  });

  it('still times out a function that sleeps, without waiting for a CPU', { timeout: 60_000 }, async () => {
    const outcome = await harness.run('import time\ndef compare_manifests(old, new):\n    time.sleep(10)\n', driver);
    expect(outcome.kind).toBe('tests');
    const messages = testsOf(outcome).map((t) => t.message);
    expect(messages.filter((m) => TIMED_OUT.test(m))).toHaveLength(2);
  });

  describe('with twelve CPU burners per core beside a nice-10 grader', () => {
    const niced = createBwrapDriver({ nice: 10 });

    // The reviewer's answer: the reference with imports that cost CPU, as an import does.
    it('never blames a correct answer whose import needs CPU: it passes or is graded again', { timeout: 180_000 }, async () => {
      expect((await niced.run({ command: ['/bin/true'] })).exitCode).toBe(0);
      burnEveryCpu(6);
      const answer = `import inspect, dataclasses, typing, json, re\n_warm = sum(i * i for i in range(200_000))\n${reference}`;
      for (let i = 0; i < 2; i++) {
        const outcome = await harness.run(answer, niced);
        if (outcome.kind === 'infra_error') expect(outcome.message).toMatch(TOO_BUSY);
        else {
          expect(outcome.kind).toBe('tests');
          expect(testsOf(outcome).filter((t) => t.status !== 'pass')).toEqual([]);
        }
      }
    });

    it('never passes an endless loop: it times out or is graded again', { timeout: 180_000 }, async () => {
      expect((await niced.run({ command: ['/bin/true'] })).exitCode).toBe(0);
      burnEveryCpu(6);
      const outcome = await harness.run('def compare_manifests(old, new):\n    while True:\n        pass\n', niced);
      if (outcome.kind === 'infra_error') expect(outcome.message).toMatch(TOO_BUSY);
      else {
        expect(testsOf(outcome).some((t) => t.status === 'pass')).toBe(false);
        expect(testsOf(outcome).some((t) => TIMED_OUT.test(t.message))).toBe(true);
      }
    });

    it('still times out a function that sleeps: it waits for no CPU', { timeout: 180_000 }, async () => {
      expect((await niced.run({ command: ['/bin/true'] })).exitCode).toBe(0);
      burnEveryCpu(6);
      const outcome = await harness.run('import time\ndef compare_manifests(old, new):\n    time.sleep(10)\n', niced);
      expect(outcome.kind).toBe('tests');
      expect(testsOf(outcome).some((t) => t.status === 'pass')).toBe(false);
      expect(testsOf(outcome).filter((t) => TIMED_OUT.test(t.message))).toHaveLength(2);
    });
  });
});
