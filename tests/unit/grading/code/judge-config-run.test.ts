// How a configuration run is judged from the runner's one JSON line: checks matched to the
// question's own list by id, in the question's order; what the runner left out is "not run";
// refused YAML is the candidate's error; a silent or broken runner is ours.
import { describe, expect, it } from 'vitest';
import { ConfigSpecSchema } from '@/grading/harnesses/config-kit/config-spec';
import { CONFIG_BUSY_HOST_STRETCH, createConfigHarness } from '@/grading/harnesses/config-kit/create-config-harness';
import { createFakeDriver } from '@/grading/sandbox/create-fake-driver';
import { judgeConfigRun } from '@/grading/harnesses/config-kit/judge-config-run';
import { sandboxInfraResult, type SandboxResult } from '@/grading/sandbox/sandbox-driver';

const checks = [
  { id: 'probe', name: 'Every container has a readiness probe', why: 'traffic waits for ready pods' },
  { id: 'surge', name: 'Rolling update with maxUnavailable 0', why: 'a new pod comes first' },
];
const limits = { wallTimeMs: 5_000, maxProcesses: 8, memoryBytes: 128 * 1024 * 1024 };
const ran = (stdout: string, extra: Partial<SandboxResult> = {}): SandboxResult => ({ ...sandboxInfraResult(''), infraError: null, exitCode: 0, stdout, ...extra });
const line = (message: unknown) => `${JSON.stringify(message)}\n`;

describe('judgeConfigRun', () => {
  it('passes and fails each check in the question order, a failure saying what was found and why it matters', () => {
    const outcome = judgeConfigRun(checks, ran(line({ t: 'checks', results: [{ id: 'surge', ok: false, detail: 'maxUnavailable is 1' }, { id: 'probe', ok: true, detail: 'web: httpGet' }] })), limits);
    expect(outcome).toEqual({
      kind: 'tests',
      tests: [
        { name: 'Every container has a readiness probe', status: 'pass', message: 'web: httpGet' },
        { name: 'Rolling update with maxUnavailable 0', status: 'fail', message: 'maxUnavailable is 1: a new pod comes first' },
      ],
    });
  });

  it('reports a check the runner left out as not run, counts a repeated id once and ignores ids the question lacks', () => {
    const results = [{ id: 'probe', ok: true, detail: 'first' }, { id: 'probe', ok: false, detail: 'second' }, { id: 'made-up', ok: true, detail: '' }];
    const outcome = judgeConfigRun(checks, ran(line({ t: 'checks', results })), limits);
    expect(outcome.kind === 'tests' && outcome.tests.map((t) => [t.status, t.message])).toEqual([
      ['pass', 'first'],
      ['error', 'not run: the checker did not report this check'],
    ]);
  });

  it('turns a check that raised into an error on that check alone', () => {
    const outcome = judgeConfigRun(checks, ran(line({ t: 'checks', results: [{ id: 'probe', ok: false, error: 'TypeError: bad shape' }, { id: 'surge', ok: true, detail: 'ok' }] })), limits);
    expect(outcome.kind === 'tests' && outcome.tests.map((t) => t.status)).toEqual(['error', 'pass']);
    expect(outcome.kind === 'tests' && outcome.tests[0]!.message).toContain('TypeError: bad shape');
  });

  it('makes refused YAML the candidate\'s error, every check not run', () => {
    const outcome = judgeConfigRun(checks, ran(line({ t: 'refused', message: 'line 3, column 1: an alias refers to a node that contains it' })), limits);
    expect(outcome).toMatchObject({ kind: 'error', message: 'The YAML could not be checked: line 3, column 1: an alias refers to a node that contains it' });
    expect(outcome.kind === 'error' && outcome.tests.map((t) => t.status)).toEqual(['error', 'error']);
  });

  it('blames the YAML when the sandbox stopped the run, and us when the runner is silent, broken or the sandbox failed', () => {
    expect(judgeConfigRun(checks, ran('', { killedBy: 'memory', exitCode: 137 }), limits)).toMatchObject({ kind: 'error', message: 'The YAML could not be checked: it ran out of memory (limit 128 MiB).' });
    expect(judgeConfigRun(checks, ran('not json', { exitCode: 1, stderr: 'Traceback: oops' }), limits)).toMatchObject({ kind: 'infra_error', message: expect.stringContaining('Traceback: oops') });
    expect(judgeConfigRun(checks, ran(line({ t: 'broken', message: 'PyYAML is not importable' })), limits)).toMatchObject({ kind: 'infra_error', message: expect.stringContaining('PyYAML') });
    expect(judgeConfigRun(checks, sandboxInfraResult('bwrap is missing'), limits)).toEqual({ kind: 'infra_error', message: 'bwrap is missing' });
  });

  // The jail's wall limit stretches on a busy host (create-config-harness.ts); a run starved past
  // that is ours to repeat, never "the YAML could not be checked".
  it('makes a run starved on a busy host ours, and says how long a stretched run had when the YAML still ran out of time', () => {
    const tooBusy = 'the grading machine was too busy to time the answer: its jail waited for a CPU for most of its 5 s limit (extended to 10 s), so the run was stopped and the answer is graded again';
    expect(judgeConfigRun(checks, ran('', { infraError: tooBusy, killedBy: 'starved', exitCode: null }), limits)).toEqual({ kind: 'infra_error', message: tooBusy });
    expect(judgeConfigRun(checks, ran('', { killedBy: 'wall-time', exitCode: null, wallLimitMs: 5_000 }), limits)).toMatchObject({ kind: 'error', message: 'The YAML could not be checked: it ran past the time limit (5 s).' });
    expect(judgeConfigRun(checks, ran('', { killedBy: 'wall-time', exitCode: null, wallLimitMs: 7_360 }), limits)).toMatchObject({
      kind: 'error',
      message: 'The YAML could not be checked: it ran past the time limit (7.4 s: its 5 s, extended while the grading machine was busy).',
    });
  });

  it('reads only the last line, validates it and caps what it carries', () => {
    const long = 'x'.repeat(5_000);
    const outcome = judgeConfigRun(checks, ran(`${line({ t: 'checks', results: [] })}${line({ t: 'checks', results: [{ id: 'probe', ok: 'yes', detail: long }] })}`), limits);
    expect(outcome.kind === 'tests' && outcome.tests[0]!.status).toBe('fail');
    expect(outcome.kind === 'tests' && outcome.tests[0]!.message.length).toBeLessThan(500);
    expect(judgeConfigRun(checks, ran(line({ t: 'checks', results: 'all passed' })), limits).kind).toBe('infra_error');
  });
});

describe('the configuration jail', () => {
  it('stretches its wall limit on a busy host', async () => {
    const driver = createFakeDriver({ respond: () => ({ stdout: line({ t: 'checks', results: [] }) }) });
    await createConfigHarness({ name: 'config-demo', version: 1, checks, checker: 'pass' }).run('kind: Deployment\n', driver);
    expect(driver.specs[0]!.stretchWallOnBusyHost).toBe(CONFIG_BUSY_HOST_STRETCH);
    expect(CONFIG_BUSY_HOST_STRETCH).toBeGreaterThan(1);
  });
});

describe('ConfigSpecSchema', () => {
  it('refuses a repeated check id and a name outside config-<slug>', () => {
    const spec = { name: 'config-demo', version: 1, checks, checker: 'pass' };
    expect(ConfigSpecSchema.safeParse(spec).success).toBe(true);
    expect(ConfigSpecSchema.safeParse({ ...spec, checks: [...checks, checks[0]] }).error?.issues[0]?.message).toBe('repeats the check id "probe"');
    expect(ConfigSpecSchema.safeParse({ ...spec, name: 'python-demo' }).success).toBe(false);
  });
});
