// Validation runs calibration samples through the real rubric grader, and the reference and
// known-bad variants through a code grader (faked here: the real sandbox runs in the integration
// tests). Each failure names the sample or variant and says why.
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { gradeWritten } from '@/grading/written/grade-written';
import { materialHash } from '@/server/curation/material-hash';
import { runValidation, type ValidationGraders } from '@/server/curation/run-validation';
import type { Material, Rubric } from '@/server/curation/schemas';

const rubric: Rubric = {
  id: 'canary',
  version: 1,
  passScore: 60,
  concepts: [
    { id: 'traffic-split', name: 'Traffic split', weight: 1, description: 'Send a small share first.', followUp: 'How do you route it?', claims: [{ id: 'main', text: 'Send a small share first.', weight: 1, phrasings: ['small share of traffic'] }], misconceptions: [], anchors: [] },
    { id: 'rollback', name: 'Rollback', weight: 1, description: 'Undo quickly.', followUp: 'How fast can you undo it?', claims: [{ id: 'main', text: 'Undo quickly.', weight: 1, phrasings: ['roll back'] }], misconceptions: [], anchors: [] },
  ],
};

const STRONG = 'A canary release sends a small share of traffic to the new version first. When its error rate rises we roll back at once to the old version.';
const WEAK = 'I would deploy it on a Friday afternoon and hope that nothing at all goes wrong with it.';

const written = (samples: { label: string; min: number; max: number; answer: string }[]): Material => ({
  rubric,
  harness: null,
  modelAnswer: null,
  starterCode: null,
  validation: { kind: 'written', calibration: samples.map(({ label, min, max, answer }) => ({ label, band: { min, max }, answer })) },
});

const result = (status: GradeResult['status'], tests: ('pass' | 'fail')[], message = ''): GradeResult => ({
  status,
  score: 0,
  message,
  tests: tests.map((s, i) => ({ name: `test ${i + 1}`, status: s, message: s === 'fail' ? `expected step ${i + 1}` : '' })),
  advice: [],
  gradedVersion: 'harness:bash-deploy@1',
  durationMs: 1,
});

// A fake code grader that answers by the code it is given.
const codeGraders = (answers: Record<string, GradeResult>): ValidationGraders => ({
  written: gradeWritten,
  code: async ({ answer }) => answers[answer] ?? result('infra_error', [], `no fake result for ${answer}`),
});

const code = (variants: { name: string; code: string }[]): Material => ({
  rubric: null,
  harness: { name: 'bash-deploy', version: 1 },
  modelAnswer: null,
  starterCode: null,
  validation: { kind: 'code', reference: 'good', badVariants: variants },
});

describe('runValidation for written questions', () => {
  it('passes when every calibration sample scores within its band', async () => {
    const material = written([{ label: 'strong', min: 80, max: 100, answer: STRONG }, { label: 'weak', min: 0, max: 20, answer: WEAK }]);
    const outcome = await runValidation({ answerKind: 'WRITTEN', material }, codeGraders({}));
    expect(outcome.passed).toBe(true);
    expect(outcome.summary).toBe('All 2 checks passed.');
    expect(outcome.checks.map((c) => c.message)).toEqual(['calibration sample "strong" scored 100, within 80–100', 'calibration sample "weak" scored 0, within 0–20']);
    expect(outcome.materialHash).toBe(materialHash(material));
  });

  it('fails naming the sample, its score and the band it missed', async () => {
    const material = written([{ label: 'weak', min: 0, max: 40, answer: STRONG }]);
    const outcome = await runValidation({ answerKind: 'WRITTEN', material }, codeGraders({}));
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe('calibration sample "weak" scored 100, expected 0–40');
  });

  it('fails when there is no rubric or no sample to check', async () => {
    const none = await runValidation({ answerKind: 'WRITTEN', material: { ...written([]), rubric: null } }, codeGraders({}));
    expect(none.summary).toBe('the rubric is missing: add concepts before validating');
    const empty = await runValidation({ answerKind: 'WRITTEN', material: written([]) }, codeGraders({}));
    expect(empty.passed).toBe(false);
    expect(empty.summary).toBe('add at least one calibration sample before validating');
  });
});

describe('runValidation for code questions', () => {
  it('passes when the reference passes every test and each bad variant fails one', async () => {
    const graders = codeGraders({ good: result('passed', ['pass', 'pass']), 'no-rollback': result('failed', ['pass', 'fail']), broken: result('error', [], 'syntax error') });
    const outcome = await runValidation({ answerKind: 'BASH', material: code([{ name: 'no-rollback', code: 'no-rollback' }, { name: 'broken', code: 'broken' }]) }, graders);
    expect(outcome.checks.map((c) => c.message)).toEqual([
      'the reference solution passed all 2 tests',
      'known-bad variant "no-rollback" failed 1 of 2 tests, as expected',
      'known-bad variant "broken" did not run (syntax error), as expected',
    ]);
    expect(outcome.passed).toBe(true);
  });

  it('fails naming a bad variant the harness does not catch', async () => {
    const graders = codeGraders({ good: result('passed', ['pass']), sneaky: result('passed', ['pass']) });
    const outcome = await runValidation({ answerKind: 'PYTHON', material: code([{ name: 'sneaky', code: 'sneaky' }]) }, graders);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe('known-bad variant "sneaky" passed every test; the harness must catch it');
  });

  it('fails naming the first test the reference solution fails', async () => {
    const graders = codeGraders({ good: result('failed', ['pass', 'fail', 'fail']) });
    const outcome = await runValidation({ answerKind: 'BASH', material: code([]) }, graders);
    expect(outcome.summary).toBe('the reference solution failed 2 of 3 tests, first test "test 2": expected step 2');
  });

  it('tells a sandbox failure apart from a failing reference', async () => {
    const outcome = await runValidation({ answerKind: 'BASH', material: code([]) }, codeGraders({}));
    expect(outcome.summary).toBe('the sandbox failed while running the reference solution: no fake result for good');
  });

  it('fails when the harness or the reference is missing', async () => {
    const noHarness = await runValidation({ answerKind: 'BASH', material: { ...code([]), harness: null } }, codeGraders({}));
    expect(noHarness.summary).toBe('choose a harness before validating');
    const noReference = await runValidation({ answerKind: 'BASH', material: { ...code([]), validation: { kind: 'code', reference: ' ', badVariants: [] } } }, codeGraders({}));
    expect(noReference.summary).toBe('add the reference solution before validating');
  });
});

describe('runValidation: agreement with the interviewer', () => {
  const HALF = 'A canary release sends a small share of traffic to the new version first and watches it.';
  const scored = (experts: [number, number, number, number]): Material => ({
    ...written([]),
    validation: {
      kind: 'written',
      calibration: [STRONG, HALF, WEAK, 'Backups run every night and are copied to another region.'].map((answer, i) => ({
        label: `s${i + 1}`,
        band: { min: 0, max: 100 },
        answer,
        expertScore: experts[i]!,
      })),
    },
  });

  it('measures Spearman and mean absolute difference on the samples an interviewer scored', async () => {
    const outcome = await runValidation({ answerKind: 'WRITTEN', material: scored([95, 50, 5, 0]) }, codeGraders({}));
    const check = outcome.checks.find((c) => c.kind === 'agreement')!;
    expect(check).toMatchObject({ passed: true });
    expect(check.message).toMatch(/^agreement with the interviewer: Spearman 0\.\d\d, mean absolute difference \d+\.\d over 4 scored samples$/);
  });

  it('fails, naming the furthest sample, when the rubric ranks the samples unlike the interviewer', async () => {
    const outcome = await runValidation({ answerKind: 'WRITTEN', material: scored([0, 10, 90, 95]) }, codeGraders({}));
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toMatch(/the rubric disagrees with the interviewer's scores \(Spearman -?\d\.\d\d.*furthest: "s\d" scored \d+, the interviewer gave \d+/);
  });
});
