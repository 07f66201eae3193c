// Turns a stored answer and the question version it is graded against into a grade request, the
// same way for the worker and for `npm run grade`. Returns a problem (an infra_error for the
// caller) when the version lacks what its kind needs: that is our content's fault, not the answer's.
import type { AnswerKindCode } from '@/lib/labels';
import { codeKindOf } from '../grading/code/code-kind';

// `harnessSpec`: the spec stored on the version (docs/decisions/021), or null for the grader's
// built-in harness of that name. Passed on as stored: the grader checks it with zod.
export type GradingMaterial = { version: number; rubric: unknown; harness: unknown; harnessSpec?: unknown } | null;

// `prompt`: the question, given to the written grader (an answer that reads it back earns
// nothing for it); null or absent when the caller has none.
export function buildGradeRequest({
  answerKind,
  answer,
  material,
  prompt,
}: {
  answerKind: AnswerKindCode;
  answer: string;
  material: GradingMaterial;
  prompt?: string | null;
}): { request: unknown } | { problem: string } {
  if (!material) return { problem: 'This question has no published grading material (rubric or harness) yet.' };
  if (answerKind === 'WRITTEN') {
    if (material.rubric == null) return { problem: `Question version ${material.version} has no rubric to grade a written answer against.` };
    return { request: { kind: 'written', answer, rubric: material.rubric, ...(prompt ? { prompt } : {}) } };
  }
  if (material.harness == null) return { problem: `Question version ${material.version} has no test harness to run the code against.` };
  const { name, version } = material.harness as { name?: unknown; version?: unknown };
  const spec = material.harnessSpec ?? null;
  return { request: { kind: codeKindOf(answerKind), answer, harness: { name, version }, ...(spec === null ? {} : { spec }) } };
}
