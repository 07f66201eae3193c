// Grades one stored attempt: takes the answer and the question version it is graded against (read
// by the claim, or here when the caller has none), builds the grade request and calls gradeAnswer.
// Never throws for missing material; that comes back as an infra_error result with a message
// saying what is missing.
import type { GradeResult } from '@/grading/contract';
import { gradeAnswer, infraErrorResult } from '@/grading/grade-answer';
import { prisma, type DbClient } from '@/server/db';
import { loadAttemptMaterial, type AttemptMaterial } from '@/server/grading-jobs/attempt-material';
import { observeGrading } from '@/server/observability/metrics';
import { buildGradeRequest } from './build-grade-request';

export type AttemptGrade = { result: GradeResult; questionVersionId: string | null };

export async function gradeAttempt(
  // `material`: as the claim read it (claim-job.ts); absent, it is read here.
  { attemptId, material }: { attemptId: string; material?: AttemptMaterial | null },
  db: DbClient = prisma,
  grade: typeof gradeAnswer = gradeAnswer,
): Promise<AttemptGrade> {
  const attempt = material === undefined ? await loadAttemptMaterial(attemptId, db) : material;
  if (!attempt) return { result: infraErrorResult({ message: `Attempt ${attemptId} no longer exists.`, gradedVersion: '' }), questionVersionId: null };
  const version = attempt.versionId === null ? null : { id: attempt.versionId, version: attempt.version!, rubric: attempt.rubric, harness: attempt.harness, harnessSpec: attempt.harnessSpec };
  const built = buildGradeRequest({ answerKind: attempt.answerKind, answer: attempt.answer, material: version, prompt: attempt.prompt });
  if ('problem' in built) return { result: infraErrorResult({ message: built.problem, gradedVersion: '' }), questionVersionId: null };
  const result = await grade(built.request);
  observeGrading(attempt.answerKind, result.status, result.durationMs);
  return { result, questionVersionId: version?.id ?? null };
}
