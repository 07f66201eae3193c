// A try failed on our side (the grader returned infra_error, or something threw): queue the job
// again with exponential backoff, keeping the error. After MAX_TRIES, give up: the attempt becomes
// INFRA_ERROR with a message asking the candidate to resubmit later, and the job DEAD. Either way
// the answer stays stored. Like recordGrade, this writes only under the caller's own claim.
import type { GradeResult } from '@/grading/contract';
import { prisma, type DbClient } from '@/server/db';
import { MAX_TRIES, RETRY_BASE_MS, retryDelayMs, type Lease } from './schemas';

export type RetryOutcome = { outcome: 'retrying'; runAt: Date } | { outcome: 'gave_up' } | { outcome: 'lost' };

export const GAVE_UP_MESSAGE =
  'We could not grade this answer because of a problem on our side, not with your answer. ' +
  'Your answer is saved; please submit it again later.';

const MAX_ERROR_CHARS = 2_000;

export async function retryJob(
  {
    lease,
    error,
    gradedVersion = null,
    maxTries = MAX_TRIES,
    baseDelayMs = RETRY_BASE_MS,
  }: { lease: Lease; error: string; gradedVersion?: string | null; maxTries?: number; baseDelayMs?: number },
  db: DbClient = prisma,
): Promise<RetryOutcome> {
  const lastError = `try ${lease.tries}: ${error}`.slice(0, MAX_ERROR_CHARS);
  if (lease.tries < maxTries) {
    const delayMs = Math.round(retryDelayMs(lease.tries, baseDelayMs));
    const rows = await db.$queryRaw<{ runAt: Date }[]>`
      WITH job AS (
        UPDATE "GradingJob"
        SET state = 'QUEUED',
            "runAt" = (now() AT TIME ZONE 'UTC') + ${delayMs}::int * interval '1 millisecond',
            "leaseUntil" = NULL, "workerId" = NULL, "lastError" = ${lastError},
            "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
        RETURNING "attemptId", "runAt"
      ), requeued AS (
        UPDATE "Attempt" AS a SET status = 'QUEUED', "updatedAt" = now() AT TIME ZONE 'UTC'
        FROM job WHERE a.id = job."attemptId"
        RETURNING a.id
      )
      SELECT job."runAt" FROM job`;
    const row = rows[0];
    return row ? { outcome: 'retrying', runAt: row.runAt } : { outcome: 'lost' };
  }
  const result: GradeResult = {
    status: 'infra_error',
    score: 0,
    message: GAVE_UP_MESSAGE,
    tests: [],
    advice: [],
    gradedVersion: gradedVersion ?? '',
    durationMs: 0,
  };
  const rows = await db.$queryRaw<{ attemptId: string }[]>`
    WITH job AS (
      UPDATE "GradingJob"
      SET state = 'DEAD', "leaseUntil" = NULL, "lastError" = ${lastError}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
      RETURNING "attemptId"
    ), failed AS (
      UPDATE "Attempt" AS a
      SET status = 'INFRA_ERROR', score = NULL, result = ${JSON.stringify(result)}::jsonb,
          "gradedVersion" = ${gradedVersion}, "gradedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM job WHERE a.id = job."attemptId"
      RETURNING a.id
    )
    SELECT job."attemptId" FROM job`;
  return rows[0] ? { outcome: 'gave_up' } : { outcome: 'lost' };
}
