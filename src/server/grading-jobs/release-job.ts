// Hands a claimed job back to the queue, due now, when a worker stops before it could finish.
// A release is not a failed try, so the claim's try is given back.
import { prisma, type DbClient } from '@/server/db';
import { GRADING_JOBS_CHANNEL, type Lease } from './schemas';
import { sendNotification } from '@/server/send-notification';

export async function releaseJob({ lease }: { lease: Lease }, db: DbClient = prisma): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH job AS (
      UPDATE "GradingJob"
      SET state = 'QUEUED', "runAt" = now() AT TIME ZONE 'UTC', "leaseUntil" = NULL, "workerId" = NULL,
          tries = tries - 1, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
      RETURNING "attemptId"
    ), requeued AS (
      UPDATE "Attempt" AS a SET status = 'QUEUED', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM job WHERE a.id = job."attemptId"
      RETURNING a.id
    )
    SELECT "attemptId" AS id FROM job`;
  if (rows.length === 0) return false;
  // Other workers may be idle: tell them, as createAttempt does.
  await sendNotification(GRADING_JOBS_CHANNEL, lease.jobId, db);
  return true;
}
