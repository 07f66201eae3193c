// Grades one stored attempt: loads the answer and the question version it is graded against,
// builds the grade request and calls gradeAnswer. Never throws for missing material; that comes
// back as an infra_error result with a message saying what is missing.
import type { AnswerKindCode } from '@/lib/labels';
import type { GradeResult } from '@/grading/contract';
import { gradeAnswer, infraErrorResult } from '@/grading/grade-answer';
import { prisma, type DbClient } from '@/server/db';
import { observeGrading } from '@/server/observability/metrics';
import { buildGradeRequest } from './build-grade-request';

type Row = { answer: string; answerKind: AnswerKindCode; versionId: string | null; version: number | null; rubric: unknown; harness: unknown; harnessSpec: unknown };

export type AttemptGrade = { result: GradeResult; questionVersionId: string | null };

export async function gradeAttempt(
  { attemptId }: { attemptId: string },
  db: DbClient = prisma,
  grade: typeof gradeAnswer = gradeAnswer,
): Promise<AttemptGrade> {
  // One round trip: the answer and the version it is pinned to, or (submitted before any version
  // was published) the latest version published since.
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.answer, a."answerKind"::text AS "answerKind",
      COALESCE(pinned.id, latest.id) AS "versionId", COALESCE(pinned.version, latest.version) AS version,
      COALESCE(pinned.rubric, latest.rubric) AS rubric, COALESCE(pinned.harness, latest.harness) AS harness,
      COALESCE(pinned."harnessSpec", latest."harnessSpec") AS "harnessSpec"
    FROM "Attempt" a
    LEFT JOIN "QuestionVersion" pinned ON pinned.id = a."questionVersionId"
    LEFT JOIN LATERAL (
      SELECT v.id, v.version, v.rubric, v.harness, v."harnessSpec" FROM "QuestionVersion" v
      WHERE a."questionVersionId" IS NULL AND v."questionId" = a."questionId" AND v."publishedAt" IS NOT NULL
      ORDER BY v.version DESC LIMIT 1
    ) latest ON true
    WHERE a.id = ${attemptId}::uuid`;
  const attempt = rows[0];
  if (!attempt) return { result: infraErrorResult({ message: `Attempt ${attemptId} no longer exists.`, gradedVersion: '' }), questionVersionId: null };
  const version = attempt.versionId === null ? null : { id: attempt.versionId, version: attempt.version!, rubric: attempt.rubric, harness: attempt.harness, harnessSpec: attempt.harnessSpec };
  const built = buildGradeRequest({ answerKind: attempt.answerKind, answer: attempt.answer, material: version });
  if ('problem' in built) return { result: infraErrorResult({ message: built.problem, gradedVersion: '' }), questionVersionId: null };
  const result = await grade(built.request);
  observeGrading(attempt.answerKind, result.status, result.durationMs);
  return { result, questionVersionId: version?.id ?? null };
}
