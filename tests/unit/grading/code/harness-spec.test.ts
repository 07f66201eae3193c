// Harness specs as data (docs/decisions/021): what HarnessSpecSchema accepts at the grade
// request's edge (a known kit, a spec the kit's schema accepts, at most 256 KiB of JSON), that a
// request carrying a spec is graded with the harness built from it, and that every harness a kit
// ships says which spec it is built from.
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { gradeCode } from '@/grading/code/grade-code';
import { gradeAnswer, GradeRequestSchema } from '@/grading/grade-answer';
import { findHarness } from '@/grading/harnesses/find-harness';
import { builtInSpec, harnessFromSpec } from '@/grading/harnesses/harness-from-spec';
import { HarnessSpecSchema, MAX_HARNESS_SPEC_BYTES } from '@/grading/harnesses/harness-spec';
import { KIT_HARNESSES } from '@/grading/harnesses/python-kit/kit-harnesses';
import { BASH_KIT_HARNESSES } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import { createFakeDriver } from '@/grading/sandbox/create-fake-driver';

const visible = { name: 'adds', hidden: false, args: [1, 2], expected: 3, why: 'it adds' };
const hidden = { name: 'negatives', hidden: true, category: 'sign', args: [-1, -2], expected: -3, why: 'it adds negatives' };
const spec = { kit: 'python-kit', spec: { name: 'python-add', version: 2, function: 'add', cases: [visible, hidden] } };
const problems = (input: unknown) => {
  const parsed = HarnessSpecSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('HarnessSpecSchema', () => {
  it('accepts a kit and its spec, with the kit\'s defaults filled in', () => {
    expect(HarnessSpecSchema.parse(spec)).toMatchObject({ kit: 'python-kit', spec: { name: 'python-add', compare: { mode: 'exact' }, timeoutSeconds: 2 } });
  });

  it('names the field the kit refuses, under spec', () => {
    expect(problems({ ...spec, spec: { ...spec.spec, cases: [visible, { ...hidden, expected: undefined }] } })).toEqual([expect.stringMatching(/^spec\.cases\.1\.expected: /)]);
    expect(problems({ ...spec, spec: { ...spec.spec, cases: [visible, { ...hidden, name: 'adds' }] } })).toEqual(['spec.cases.1.name: repeats the test name "adds"']);
    expect(problems({ ...spec, spec: { ...spec.spec, timeoutSeconds: 60 } })).toEqual([expect.stringMatching(/^spec\.timeoutSeconds: /)]);
  });

  it('refuses a kit it does not know, naming the kits it does', () => {
    expect(problems({ kit: 'ruby-kit', spec: spec.spec })).toEqual(['kit: Name the kit the spec is for: python-kit, bash-kit.']);
  });

  it('refuses a spec over 256 KiB before the kit looks at it', () => {
    const big = { ...spec, spec: { ...spec.spec, cases: [visible, { ...hidden, expected: 'x'.repeat(MAX_HARNESS_SPEC_BYTES) }] } };
    expect(problems(big)).toEqual([': A harness spec is at most 256 KiB of JSON; this one is 257 KiB.']);
  });
});

describe('a grade request with a spec', () => {
  const request = { kind: 'python', answer: 'def add(a, b):\n    return a + b\n', harness: { name: 'python-add', version: 2 } };

  it('is checked again at the grader\'s edge: an oversized or broken spec is our infra_error, never graded', async () => {
    const code = async (): Promise<GradeResult> => {
      throw new Error('must not be graded');
    };
    const big = { ...spec, spec: { ...spec.spec, cases: [visible, { ...hidden, expected: 'x'.repeat(MAX_HARNESS_SPEC_BYTES) }] } };
    for (const bad of [big, { ...spec, spec: { ...spec.spec, function: 'not a name' } }]) {
      const result = await gradeAnswer({ ...request, spec: bad }, { written: () => { throw new Error('no'); }, code });
      expect(result.status).toBe('infra_error');
      expect(result.message).toMatch(/^Invalid grade request: spec/);
    }
    expect(GradeRequestSchema.parse({ ...request, spec }).kind).toBe('python');
    // No spec: as before specs existed.
    expect(GradeRequestSchema.parse(request)).not.toHaveProperty('spec');
  });

  it('grades with the harness built from the spec: its cases are the ones sent into the jail', async () => {
    const sent: unknown[][] = [];
    const driver = createFakeDriver({
      respond: async (_, channel) => {
        channel.send({ t: 'hello' });
        channel.send({ t: 'ready' });
        for (let handled = 0; ; ) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const message = channel.replies[handled] ? (JSON.parse(channel.replies[handled++]!) as { t: string; batch: string; calls: { id: string; args: number[] }[] }) : null;
          if (!message) continue;
          if (message.t === 'end') return {};
          for (const call of message.calls) {
            sent.push(call.args);
            channel.send({ t: 'result', id: call.id, ok: true, type: 'int', data: String(call.args[0]! + call.args[1]!), repr: '', stdout: '', stderr: '' });
          }
          channel.send({ t: 'batch_done', batch: message.batch });
        }
      },
    });
    const result = await gradeCode({ kind: 'python', answer: request.answer, harness: request.harness, spec: HarnessSpecSchema.parse(spec) }, driver);
    expect(result).toMatchObject({ status: 'passed', gradedVersion: 'harness:python-add@2' });
    expect(result.tests.map((t) => t.name).sort()).toEqual(['adds', 'negatives']);
    expect(sent).toEqual([[1, 2], [-1, -2]]);
  });

  it('is our infra_error when the spec builds another harness than the one the question names', async () => {
    const untouched = createFakeDriver({ respond: () => ({}) });
    for (const harness of [{ name: 'python-add', version: 1 }, { name: 'python-other', version: 2 }]) {
      const result = await gradeCode({ kind: 'python', answer: request.answer, harness, spec: HarnessSpecSchema.parse(spec) }, untouched);
      expect(result.status).toBe('infra_error');
      expect(result.message).toContain('The stored spec builds harness "python-add" version 2');
    }
    expect(untouched.specs).toHaveLength(0);
  });
});

describe('builtInSpec', () => {
  it('gives every Python kit harness the spec it ships with, which builds the same harness', () => {
    for (const shipped of [...KIT_HARNESSES, findHarness('python-compare-manifests')!]) {
      const found = builtInSpec(shipped.name);
      expect(found?.kit, shipped.name).toBe('python-kit');
      expect(HarnessSpecSchema.parse(found)).toEqual(found);
      const built = harnessFromSpec(found!);
      expect([built.name, built.version, built.answerKind]).toEqual([shipped.name, shipped.version, shipped.answerKind]);
    }
  });

  it('gives every Bash world kit harness the spec it ships with, which builds the same harness', () => {
    expect(BASH_KIT_HARNESSES.length).toBeGreaterThanOrEqual(4);
    for (const shipped of [...BASH_KIT_HARNESSES, findHarness('bash-deploy')!]) {
      const found = builtInSpec(shipped.name);
      expect(found?.kit, shipped.name).toBe('bash-kit');
      expect(HarnessSpecSchema.parse(found)).toEqual(found);
      const built = harnessFromSpec(found!);
      expect([built.name, built.version, built.answerKind]).toEqual([shipped.name, shipped.version, shipped.answerKind]);
    }
  });

  it('has none for a harness that is not data', () => {
    expect(builtInSpec('config-kubernetes-zero-downtime')).toBeUndefined();
  });
});
