// Runs a version's validation material through the real graders: every calibration sample must
// score within its band (written); the reference solution must pass every test and each known-bad
// variant must fail at least one (code). Each check says exactly what broke and why.
import { codeKindOf, type CodeAnswerKind, type CodeKind } from '@/grading/code/code-kind';
import type { GradeResult } from '@/grading/contract';
import type { HarnessSpec } from '@/grading/harnesses/harness-spec';
import { agreement } from '@/grading/written/agreement-measure';
import { materialHash } from './material-hash';
import type { AnswerKind, Material, Rubric, ValidationCheck, ValidationOutcome } from './schemas';

export type ValidationGraders = {
  written: (request: { answer: string; rubric: Rubric; prompt?: string }) => GradeResult;
  code: (request: { kind: CodeKind; answer: string; harness: { name: string; version: number }; spec?: HarnessSpec }) => Promise<GradeResult>;
};

const fail = (kind: ValidationCheck['kind'], name: string, message: string): ValidationCheck => ({ kind, name, passed: false, message });

// `prompt`: the question, graded with as the worker grades live answers (a calibration sample that
// reads it back earns nothing for that part).
export async function runValidation(
  { answerKind, material, prompt }: { answerKind: AnswerKind; material: Material; prompt?: string },
  graders: ValidationGraders,
): Promise<ValidationOutcome> {
  const checks = answerKind === 'WRITTEN' ? checkWritten(material, graders, prompt) : await checkCode(answerKind, material, graders);
  const failures = checks.filter((c) => !c.passed);
  return {
    passed: checks.length > 0 && failures.length === 0,
    summary: failures.length === 0 ? `All ${checks.length} checks passed.` : failures.map((c) => c.message).join('; '),
    materialHash: materialHash(material),
    checks,
  };
}

function checkWritten(material: Material, graders: ValidationGraders, prompt: string | undefined): ValidationCheck[] {
  const { rubric, validation } = material;
  if (!rubric) return [fail('material', 'rubric', 'the rubric is missing: add concepts before validating')];
  const samples = validation?.kind === 'written' ? validation.calibration : [];
  if (samples.length === 0) return [fail('material', 'calibration', 'add at least one calibration sample before validating')];
  const pairs: { id: string; expert: number; score: number; why: string }[] = [];
  const checks = samples.map(({ label, band, answer, expertScore }): ValidationCheck => {
    const name = `calibration sample "${label}"`;
    const result = graders.written({ answer, rubric, ...(prompt ? { prompt } : {}) });
    if (expertScore !== undefined) pairs.push({ id: label, expert: expertScore, score: result.score, why: '' });
    if (result.status === 'infra_error' || result.status === 'error') {
      return fail('calibration', label, `${name} could not be graded: ${result.message}`);
    }
    const range = `${band.min}–${band.max}`;
    const within = result.score >= band.min && result.score <= band.max;
    return {
      kind: 'calibration',
      name: label,
      passed: within,
      score: result.score,
      message: within ? `${name} scored ${result.score}, within ${range}` : `${name} scored ${result.score}, expected ${range}`,
    };
  });
  if (pairs.length >= MIN_AGREEMENT_SAMPLES) checks.push(agreementCheck(pairs));
  return checks;
}

// The measure of the agreement test and `npm run bench:written`, on the samples an interviewer
// scored: ranks (Spearman) and distance (mean absolute difference).
const MIN_AGREEMENT_SAMPLES = 4;
const MIN_SPEARMAN = 0.85;
const MAX_MAD = 12;

function agreementCheck(pairs: { id: string; expert: number; score: number; why: string }[]): ValidationCheck {
  const { spearman, mad, worst } = agreement(pairs);
  const figures = `Spearman ${Number.isNaN(spearman) ? 'undefined' : spearman.toFixed(2)}, mean absolute difference ${mad.toFixed(1)} over ${pairs.length} scored samples`;
  const passed = spearman >= MIN_SPEARMAN && mad <= MAX_MAD;
  const far = worst[0];
  const hint = far ? `; furthest: "${far.id}" scored ${far.score}, the interviewer gave ${far.expert}` : '';
  return {
    kind: 'agreement',
    name: 'agreement with the interviewer',
    passed,
    message: passed ? `agreement with the interviewer: ${figures}` : `the rubric disagrees with the interviewer's scores (${figures}; needs Spearman ≥ ${MIN_SPEARMAN} and at most ${MAX_MAD})${hint}`,
  };
}

const failedTests = (result: GradeResult) => result.tests.filter((t) => t.status !== 'pass');

async function checkCode(answerKind: CodeAnswerKind, material: Material, graders: ValidationGraders): Promise<ValidationCheck[]> {
  const { harness, harnessSpec, validation } = material;
  if (!harness) return [fail('material', 'harness', 'choose a harness before validating')];
  const code = validation?.kind === 'code' ? validation : null;
  if (!code?.reference.trim()) return [fail('material', 'reference', 'add the reference solution before validating')];
  const grade = (answer: string) =>
    // The version's own spec when it has one: validation checks the tests candidates will meet.
    graders.code({ kind: codeKindOf(answerKind), answer, harness: { name: harness.name, version: harness.version }, ...(harnessSpec ? { spec: harnessSpec } : {}) });

  const checks: ValidationCheck[] = [];
  // One at a time: each run is a sandbox with its own memory and process limits.
  const reference = await grade(code.reference);
  checks.push(referenceCheck(reference));
  for (const variant of code.badVariants) checks.push(variantCheck(variant.name, await grade(variant.code)));
  return checks;
}

function referenceCheck(result: GradeResult): ValidationCheck {
  const name = 'reference solution';
  if (result.status === 'infra_error') return fail('reference', name, `the sandbox failed while running the ${name}: ${result.message}`);
  if (result.status === 'error') return fail('reference', name, `the ${name} did not run: ${result.message}`);
  const failed = failedTests(result);
  if (result.status !== 'passed' || failed.length > 0) {
    const first = failed[0];
    const why = first ? `test "${first.name}"${first.message ? `: ${first.message}` : ''}` : result.message;
    return fail('reference', name, `the ${name} failed ${failed.length || 'a'} of ${result.tests.length} tests, first ${why}`);
  }
  return { kind: 'reference', name, passed: true, score: result.score, message: `the ${name} passed all ${result.tests.length} tests` };
}

function variantCheck(variant: string, result: GradeResult): ValidationCheck {
  const name = `known-bad variant "${variant}"`;
  if (result.status === 'infra_error') return fail('bad-variant', variant, `the sandbox failed while running ${name}: ${result.message}`);
  const failed = failedTests(result);
  if (result.status === 'passed' && failed.length === 0) {
    return fail('bad-variant', variant, `${name} passed every test; the harness must catch it`);
  }
  const how = result.status === 'error' ? `did not run (${result.message})` : `failed ${failed.length} of ${result.tests.length} tests`;
  return { kind: 'bad-variant', name: variant, passed: true, score: result.score, message: `${name} ${how}, as expected` };
}
