// Records a re-grade, exactly once, in one transaction and only under the caller's own claim: the
// attempt takes the new grade and the version it was graded under, and the re-grade row keeps the
// grade it replaced next to the new one. Practice counts (QuestionPractice, practicedByUsers) and
// spaced-review cards are never touched: re-grading is not practice (docs/decisions/016).
// The attempt changes only while it still holds a grade under an older version, or under this
// version by another grader revision (docs/decisions/023), and only from the grader revision the
// run asked for (a worker still on another one during a rolling update is not applied); otherwise
// (a newer re-grade got there first) the row is SKIPPED and keeps the result for the record.
import { GradeResultSchema, type GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import type { RegradeLease } from './schemas';

const STATUS = { passed: 'PASSED', failed: 'FAILED', error: 'ERROR' } as const;

export type RecordedRegrade = { recorded: boolean; applied: boolean };

export async function recordRegrade({ lease, result }: { lease: RegradeLease; result: GradeResult }, db: DbClient = prisma): Promise<RecordedRegrade> {
  const grade = GradeResultSchema.parse(result);
  if (grade.status === 'infra_error') throw new Error('An infra_error is not a grade; retry the re-grade instead.');
  const status = STATUS[grade.status];
  const revision = grade.graderRevision ?? null;
  const rows = await db.$queryRaw<{ state: string }[]>`
    WITH item AS (
      SELECT r.id, r."attemptId", r."questionVersionId", v.version,
             COALESCE(r."graderRevision" = '' OR r."graderRevision" = ${revision}::text, false) AS "sameGrader"
        FROM "AttemptRegrade" r JOIN "QuestionVersion" v ON v.id = r."questionVersionId"
       WHERE r.id = ${lease.regradeId}::uuid AND r.state = 'RUNNING' AND r."workerId" = ${lease.workerId} AND r.tries = ${lease.tries}::int
       FOR UPDATE OF r
    ), before AS (
      SELECT a.id, a.status, a.score, a.result, a."gradedVersion", a."questionVersionId",
             (item."sameGrader" AND a.status IN ('PASSED', 'FAILED', 'ERROR') AND (cv.version IS NULL OR cv.version < item.version
               OR (cv.version = item.version AND (a.result->>'graderRevision') IS DISTINCT FROM ${revision}::text))) AS eligible
        FROM item JOIN "Attempt" a ON a.id = item."attemptId"
        LEFT JOIN "QuestionVersion" cv ON cv.id = a."questionVersionId"
       FOR UPDATE OF a
    ), applied AS (
      UPDATE "Attempt" AS a
         SET status = ${status}::"AttemptStatus", score = ${grade.score}::int, result = ${JSON.stringify(grade)}::jsonb,
             "gradedVersion" = ${grade.gradedVersion}, "questionVersionId" = item."questionVersionId", "updatedAt" = now() AT TIME ZONE 'UTC'
        FROM item, before
       WHERE a.id = item."attemptId" AND before.eligible
      RETURNING a.id
    )
    UPDATE "AttemptRegrade" AS r
       SET state = (CASE WHEN EXISTS (SELECT 1 FROM applied) THEN 'DONE' ELSE 'SKIPPED' END)::"RegradeState",
           "leaseUntil" = NULL,
           "previousStatus" = before.status, "previousScore" = before.score, "previousResult" = before.result,
           "previousGradedVersion" = before."gradedVersion", "previousQuestionVersionId" = before."questionVersionId",
           status = ${status}::"AttemptStatus", score = ${grade.score}::int, result = ${JSON.stringify(grade)}::jsonb,
           "gradedVersion" = ${grade.gradedVersion}, "regradedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC',
           "lastError" = (CASE WHEN EXISTS (SELECT 1 FROM applied) THEN NULL
                               WHEN NOT item."sameGrader" THEN ${`graded by grader revision ${revision ?? 'unknown'}, not the one the run asked for`}
                               ELSE 'the attempt was already graded under this version by this grader, or under a newer one' END)
      FROM item, before
     WHERE r.id = item.id
    RETURNING r.state::text AS state`;
  const state = rows[0]?.state;
  return { recorded: state !== undefined, applied: state === 'DONE' };
}
