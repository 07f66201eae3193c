// The validation panel's headline counts the checks; the list below it says each one. A failed
// check is said once: the headline never quotes the stored summary (the failures' messages).
import { describe, expect, it } from 'vitest';
import { validationHeadline } from '@/components/admin/validation-headline';
import { runValidation } from '@/server/curation/run-validation';
import type { ValidationCheck } from '@/server/curation/schemas';

const check = (passed: boolean, kind: ValidationCheck['kind'] = 'calibration'): ValidationCheck => ({ kind, name: 'x', passed, message: passed ? 'fine' : 'broke' });

describe('validationHeadline', () => {
  it('counts passes and failures', () => {
    expect(validationHeadline([check(true), check(true)])).toBe('All 2 checks passed.');
    expect(validationHeadline([check(true)])).toBe('The only check passed.');
    expect(validationHeadline([check(true), check(false), check(true)])).toBe('1 of 3 checks failed:');
    expect(validationHeadline([check(false), check(false)])).toBe('All 2 checks failed:');
    expect(validationHeadline([check(false)])).toBe('The only check failed:');
    expect(validationHeadline([])).toBe('No checks ran.');
  });

  it('says validation could not run when the material is incomplete', () => {
    expect(validationHeadline([check(false, 'material')])).toBe('Validation could not run:');
  });

  it('does not repeat the failure the list below it says', async () => {
    const outcome = await runValidation(
      { answerKind: 'BASH', material: { rubric: null, harness: { name: 'bash-deploy', version: 1 }, modelAnswer: null, starterCode: null, validation: { kind: 'code', reference: 'good', badVariants: [{ name: 'sneaky', code: 'sneaky' }] } } },
      {
        written: () => { throw new Error('not a written question'); },
        code: async () => ({ status: 'passed', score: 100, message: '', tests: [{ name: 't', status: 'pass', message: '' }], advice: [], gradedVersion: 'harness:bash-deploy@1', durationMs: 1 }),
      },
    );
    const failure = 'known-bad variant "sneaky" passed every test; the harness must catch it';
    expect(outcome.summary).toBe(failure);
    expect(outcome.checks.filter((c) => c.message === failure)).toHaveLength(1);
    expect(validationHeadline(outcome.checks)).toBe('1 of 2 checks failed:');
  });
});
