// Claims the next grading job under a lease, in one statement: a QUEUED job that is due, or a
// RUNNING one whose worker let its lease expire (it died, or hung). SKIP LOCKED lets any number of
// workers claim at once without waiting on each other or taking the same job.
import { prisma, type DbClient } from '@/server/db';
import type { ClaimedJob } from './schemas';

type Row = { id: string; attemptId: string; tries: number; workerId: string; leaseUntil: Date };

export async function claimJob(
  { workerId, leaseMs }: { workerId: string; leaseMs: number },
  db: DbClient = prisma,
): Promise<ClaimedJob | null> {
  // Timestamps are stored as UTC without a zone (as Prisma writes them), whatever the server's TimeZone.
  const rows = await db.$queryRaw<Row[]>`
    WITH claimed AS (
      UPDATE "GradingJob"
      SET state = 'RUNNING',
          "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${Math.round(leaseMs)}::int * interval '1 millisecond',
          "workerId" = ${workerId},
          tries = tries + 1,
          "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = (
        SELECT id FROM "GradingJob"
        WHERE (state = 'QUEUED' AND "runAt" <= now() AT TIME ZONE 'UTC')
           OR (state = 'RUNNING' AND "leaseUntil" < now() AT TIME ZONE 'UTC')
        ORDER BY "runAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "attemptId", tries, "workerId", "leaseUntil"
    ), started AS (
      UPDATE "Attempt" AS a
      SET status = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM claimed
      WHERE a.id = claimed."attemptId"
      RETURNING a.id
    )
    SELECT claimed.id, claimed."attemptId", claimed.tries, claimed."workerId", claimed."leaseUntil"
    FROM claimed`;
  const row = rows[0];
  if (!row) return null;
  return { jobId: row.id, attemptId: row.attemptId, tries: row.tries, workerId: row.workerId, leaseUntil: row.leaseUntil };
}
