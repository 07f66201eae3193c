// What makes material unfit to SAVE (not just to publish): a written question needs a rubric with
// concepts and at least one calibration sample; a code question needs a harness this grader ships
// (at its version) and a reference solution. The field schemas (RubricSchema,
// CalibrationSampleSchema, HarnessSettingsSchema) already checked each field; this adds what the
// whole needs, as field errors with paths like "material.rubric.concepts". Server-only: it knows
// the shipped harnesses.
import { codeKindOf, type CodeAnswerKind } from '@/grading/code/code-kind';
import { findHarness, HARNESSES } from '@/grading/harnesses/find-harness';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { harnessSpecAuthoringProblems } from '@/grading/harnesses/harness-spec';

const HARNESS_KIND_LABEL = { BASH: 'Bash', PYTHON: 'Python', CONFIG: 'configuration' } as const;
import type { AnswerKind, Material } from './schemas';

export type MaterialProblem = { path: (string | number)[]; message: string };

export function materialSaveProblems(answerKind: AnswerKind, material: Material): MaterialProblem[] {
  return answerKind === 'WRITTEN' ? writtenProblems(material) : codeProblems(answerKind, material);
}

function writtenProblems({ rubric, validation }: Material): MaterialProblem[] {
  const problems: MaterialProblem[] = [];
  if (!rubric || rubric.concepts.length === 0) {
    problems.push({ path: ['rubric', 'concepts'], message: 'A rubric needs at least one concept: add the concepts a strong answer covers.' });
  }
  if (validation?.kind === 'written' && validation.calibration.length === 0) {
    problems.push({ path: ['validation', 'calibration'], message: 'Add at least one calibration sample (an answer and the score band it should land in).' });
  }
  return problems;
}

function codeProblems(answerKind: CodeAnswerKind, { harness, harnessSpec, validation }: Material): MaterialProblem[] {
  const problems: MaterialProblem[] = [];
  const available = HARNESSES.filter((h) => h.answerKind === codeKindOf(answerKind)).map((h) => h.name);
  const known = harness ? findHarness(harness.name) : undefined;
  if (!harness || !harness.name) {
    problems.push({ path: ['harness', 'name'], message: `Choose a harness: ${available.join(', ')}.` });
  } else if (!known || known.answerKind !== codeKindOf(answerKind)) {
    problems.push({ path: ['harness', 'name'], message: `There is no ${HARNESS_KIND_LABEL[answerKind]} harness "${harness.name}"; choose one of: ${available.join(', ')}.` });
  } else if (harnessSpec) {
    problems.push(...specProblems(harness, harnessSpec));
  } else if (known.version !== harness.version) {
    problems.push({ path: ['harness', 'version'], message: `The harness "${known.name}" is at version ${known.version}.` });
  }
  if (validation?.kind === 'code' && !validation.reference.trim()) {
    problems.push({ path: ['validation', 'reference'], message: 'Write the reference solution: validation runs it and it must pass every test.' });
  }
  return problems;
}

// A stored spec (docs/decisions/021) replaces the tests of a harness that is built from one; it
// builds that same harness, so the version it states is the one grades name.
function specProblems(harness: NonNullable<Material['harness']>, stored: NonNullable<Material['harnessSpec']>): MaterialProblem[] {
  const shipped = builtInSpec(harness.name);
  if (!shipped) return [{ path: ['harnessSpec'], message: `The harness "${harness.name}" is not built from a spec, so its tests cannot be edited here.` }];
  if (shipped.kit !== stored.kit) return [{ path: ['harnessSpec', 'kit'], message: `The harness "${harness.name}" is built by the ${shipped.kit} kit, not ${stored.kit}.` }];
  if (stored.spec.name !== harness.name) return [{ path: ['harnessSpec', 'spec', 'name'], message: `The spec is for the harness "${stored.spec.name}", but this question's harness is "${harness.name}".` }];
  if (stored.spec.version !== harness.version) return [{ path: ['harness', 'version'], message: `The spec says version ${stored.spec.version}; give the harness the same version.` }];
  return harnessSpecAuthoringProblems(stored).map((problem) => ({ ...problem, path: ['harnessSpec', 'spec', ...problem.path] }));
}
