// Records a grade, exactly once, in one statement (so one transaction): only while the job is still
// RUNNING under this worker's claim does it write the attempt's outcome and mark the job DONE.
// Once that has committed it announces the attempt settled (a NOTIFY in a statement of its own, so
// that grades and submits do not commit one at a time: send-notification.ts).
// A second worker racing with the same job, or a worker whose lease was taken over, writes nothing.
// A user's first attempt on a question that counts as practice (src/lib/practice-rule.ts) adds
// them to QuestionPractice and, only when that row was new, bumps Question.practicedByUsers: the count stays exact under concurrency.
import { GradeResultSchema, type GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import { notifyAttemptSettled } from './notify-attempt-settled';
import type { Lease } from './schemas';

const STATUS = { passed: 'PASSED', failed: 'FAILED', error: 'ERROR', infra_error: 'INFRA_ERROR' } as const;

export async function recordGrade(
  { lease, result, questionVersionId = null }: { lease: Lease; result: GradeResult; questionVersionId?: string | null },
  db: DbClient = prisma,
): Promise<{ recorded: boolean; counted: boolean }> {
  const grade = GradeResultSchema.parse(result);
  const status = STATUS[grade.status];
  // Our failure is not the candidate's score.
  const score = grade.status === 'infra_error' ? null : grade.score;
  const rows = await db.$queryRaw<{ attemptId: string | null; counted: number }[]>`
    WITH job AS (
      UPDATE "GradingJob"
      SET state = 'DONE', "leaseUntil" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
      RETURNING "attemptId"
    ), graded AS (
      UPDATE "Attempt" AS a
      SET status = ${status}::"AttemptStatus",
          score = ${score}::int,
          result = ${JSON.stringify(grade)}::jsonb,
          "gradedVersion" = ${grade.gradedVersion},
          "questionVersionId" = COALESCE(a."questionVersionId", ${questionVersionId}::uuid),
          "gradedAt" = now() AT TIME ZONE 'UTC',
          "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM job
      WHERE a.id = job."attemptId"
      RETURNING a.id, a."userId", a."questionId", a.status, a."answerKind", a.score
    ), practice AS (
      -- The practice count rule (countsAsPractice in src/lib/practice-rule.ts, which the result
      -- page uses to say an attempt did not count): written answers (long enough to be accepted)
      -- count once graded; code counts once it ran and passed something (score > 0; code that
      -- did not run is an ERROR with score 0).
      INSERT INTO "QuestionPractice" ("userId", "questionId", "firstGradedAt")
      SELECT "userId", "questionId", now() AT TIME ZONE 'UTC' FROM graded
      WHERE graded.status IN ('PASSED', 'FAILED', 'ERROR')
        AND (graded."answerKind" = 'WRITTEN' OR graded.score > 0)
      ON CONFLICT DO NOTHING
      RETURNING "questionId"
    ), counted AS (
      UPDATE "Question" AS q
      SET "practicedByUsers" = q."practicedByUsers" + 1
      FROM practice
      WHERE q.id = practice."questionId"
      RETURNING q.id
    )
    SELECT (SELECT id::text FROM graded) AS "attemptId", (SELECT count(*) FROM counted)::int AS counted`;
  const row = rows[0];
  const attemptId = row?.attemptId ?? null;
  // Wakes GET /api/attempts/<id>?wait=N (wait-for-settled.ts). The grade is already stored, so a
  // failed wake-up is logged, not a failed record: the waiting request re-reads the table when its
  // wait ends.
  if (attemptId) await notifyAttemptSettled({ attemptId }, db);
  return { recorded: attemptId !== null, counted: (row?.counted ?? 0) > 0 };
}
