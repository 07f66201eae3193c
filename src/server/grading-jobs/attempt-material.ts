// What an attempt is graded with: its answer and the question version it is pinned to, or (it was
// submitted before any version was published) the latest version published since. One SQL
// fragment, so that the worker's claim reads it in the claim's own statement (claim-job.ts: one
// round trip fewer between a submit and its grade) and a grading without a claim reads it alone.
import { Prisma } from '@/generated/prisma/client';
import type { AnswerKindCode } from '@/lib/labels';
import { prisma, type DbClient } from '@/server/db';

export type AttemptMaterial = {
  answer: string;
  answerKind: AnswerKindCode;
  // The question as it reads now, for the written grader.
  prompt: string;
  // Null when the question has no published version yet.
  versionId: string | null;
  version: number | null;
  rubric: unknown;
  harness: unknown;
  harnessSpec: unknown;
};

// The material of the attempt whose id `attemptId` (an SQL expression) names; no row if none.
// The claim reads this row through to_jsonb, loadAttemptMaterial as columns: the same values only
// while every column is text, uuid, int or jsonb (a timestamp or bigint would come back as a
// string from one and a Date or BigInt from the other).
export const attemptMaterialSql = (attemptId: Prisma.Sql) => Prisma.sql`
  SELECT a.answer, a."answerKind"::text AS "answerKind", q.prompt,
    COALESCE(pinned.id, latest.id) AS "versionId", COALESCE(pinned.version, latest.version) AS version,
    COALESCE(pinned.rubric, latest.rubric) AS rubric, COALESCE(pinned.harness, latest.harness) AS harness,
    COALESCE(pinned."harnessSpec", latest."harnessSpec") AS "harnessSpec"
  FROM "Attempt" a
  JOIN "Question" q ON q.id = a."questionId"
  LEFT JOIN "QuestionVersion" pinned ON pinned.id = a."questionVersionId"
  LEFT JOIN LATERAL (
    SELECT v.id, v.version, v.rubric, v.harness, v."harnessSpec" FROM "QuestionVersion" v
    WHERE a."questionVersionId" IS NULL AND v."questionId" = a."questionId" AND v."publishedAt" IS NOT NULL
    ORDER BY v.version DESC LIMIT 1
  ) latest ON true
  WHERE a.id = ${attemptId}`;

export async function loadAttemptMaterial(attemptId: string, db: DbClient = prisma): Promise<AttemptMaterial | null> {
  const rows = await db.$queryRaw<AttemptMaterial[]>(attemptMaterialSql(Prisma.sql`${attemptId}::uuid`));
  return rows[0] ?? null;
}
