// gradeCode around the sandbox, with a fake driver playing the runner: which failures are ours
// (infra_error) and which are the candidate's, and how runner reports become tests.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { HarnessRefSchema } from '@/grading/code/harness-ref';
import { createFakeDriver } from '@/grading/sandbox/create-fake-driver';
import { MANIFEST_CASES } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import { answerCalls } from './play-runner';

const python = (answer = 'def compare_manifests(a, b):\n    return a != b\n') => ({ kind: 'python' as const, answer, harness: { name: 'python-compare-manifests', version: 1 } });
const untouched = createFakeDriver({ respond: () => ({}) });


describe('gradeCode', () => {
  it('blames us, not the candidate, for an unknown harness, a wrong version or a kind mismatch', async () => {
    for (const request of [
      { ...python(), harness: { name: 'nope', version: 1 } },
      { ...python(), harness: { name: 'python-compare-manifests', version: 9 } },
      { ...python(), kind: 'bash' as const },
    ]) {
      const result = await gradeCode(request, untouched);
      expect(result.status).toBe('infra_error');
      expect(result.gradedVersion).toBe(`harness:${request.harness.name}@${request.harness.version}`);
    }
    expect(untouched.specs).toHaveLength(0);
  });

  it('passes the sandbox\'s own failure through as infra_error with its fix', async () => {
    const broken = createFakeDriver({ respond: () => ({ infraError: 'bubblewrap is not installed: apt-get install bubblewrap' }) });
    const result = await gradeCode(python(), broken);
    expect(result).toMatchObject({ status: 'infra_error', message: 'bubblewrap is not installed: apt-get install bubblewrap' });
  });

  it('is infra_error when the runner never says hello (it could not start)', async () => {
    const silent = createFakeDriver({ respond: () => ({ exitCode: 127, stderr: 'python3: not found' }) });
    expect((await gradeCode(python(), silent)).status).toBe('infra_error');
  });

  it('sends one input per call, judges returned values outside the jail, and hides hidden tests', async () => {
    const driver = createFakeDriver({
      respond: async (spec, channel) => {
        const config = spec.files!.find((f) => f.path === 'cases.json')!.content;
        // No inputs and no expected values in the jail's files: inputs come one call at a time.
        expect(config).not.toContain('expected');
        expect(config).not.toContain('Entrypoint');
        channel.send({ t: 'hello' });
        // Noise before the answer loads and results for ids never asked for change nothing.
        channel.send({ t: 'result', id: 'forged', ok: true, type: 'bool', data: 'true', stdout: '', stderr: '' });
        channel.send({ t: 'ready' });
        const calls = await answerCalls(channel, (args) => ({ ok: true, type: 'bool', data: JSON.stringify(args[0]) === JSON.stringify(args[1]) ? 'true' : 'false', repr: '?', stdout: `secret ${JSON.stringify(args)}`, stderr: '' }));
        expect(calls).toHaveLength(MANIFEST_CASES.length);
        // Every visible input is sent before any hidden one.
        const firstHidden = calls.findIndex((args) => MANIFEST_CASES.find((c) => JSON.stringify(c.args) === JSON.stringify(args))!.hidden);
        expect(calls.slice(firstHidden).every((args) => MANIFEST_CASES.find((c) => JSON.stringify(c.args) === JSON.stringify(args))!.hidden)).toBe(true);
        return {};
      },
    });
    const result = await gradeCode(python(), driver);
    expect(result.status).toBe('failed');
    expect(result.tests[0]).toMatchObject({ name: 'identical manifests', status: 'fail', message: expect.stringContaining('returned True, expected False') });
    for (const hidden of result.tests.filter((t) => t.hidden)) {
      expect(hidden.output).toBeUndefined();
      // A hidden failure names its case's category, never the value (review L4).
      const category = MANIFEST_CASES.find((c) => c.name === hidden.name)!.category!;
      expect(['', `wrong result [${category}]`]).toContain(hidden.message);
    }
  });

  it('reports a syntax error as the candidate\'s error, with every test not run', async () => {
    const driver = createFakeDriver({
      respond: (_, channel) => {
        channel.send({ t: 'hello' });
        channel.send({ t: 'syntax', message: '  File "answer.py", line 1\nSyntaxError: invalid syntax\n' });
        return {};
      },
    });
    const result = await gradeCode(python('def (:'), driver);
    expect(result.status).toBe('error');
    expect(result.message).toContain('SyntaxError');
    expect(result.tests.every((t) => t.status === 'error')).toBe(true);
  });

  it('rejects an oversized answer without running it', async () => {
    const result = await gradeCode(python('#'.repeat(70 * 1024)), untouched);
    expect(result.status).toBe('error');
    expect(untouched.specs).toHaveLength(0);
  });
});

describe('HarnessRefSchema', () => {
  it('accepts a name and a positive whole version', () => {
    expect(HarnessRefSchema.safeParse({ name: 'bash-deploy', version: 1 }).success).toBe(true);
    expect(HarnessRefSchema.safeParse({ name: '', version: 1 }).success).toBe(false);
    expect(HarnessRefSchema.safeParse({ name: 'bash-deploy', version: 1.5 }).success).toBe(false);
  });
});
