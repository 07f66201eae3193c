// Claims the next grading job under a lease, in one statement: a QUEUED job that is due, or a
// RUNNING one whose worker let its lease expire (it died, or hung). SKIP LOCKED lets any number of
// workers claim at once without waiting on each other or taking the same job.
// Fair across users: the job comes from the user with the fewest jobs being graded right now, then
// the one served least recently (GradingTurn), and only then the oldest due one: round-robin, so
// one user's flood delays another user's answer by at most the jobs already running, one per
// worker slot (docs/decisions/007-surviving-worker-and-fair-queue.md).
// Its commit waits for the WAL flush like every write (decision 022 says why skipping it was taken
// back: a claim lost to a crash could hand the same worker the same lease again).
// The claim also returns what the attempt is graded with (attempt-material.ts), read in the same
// statement: the worker grades without another round trip.
import { Prisma } from '@/generated/prisma/client';
import { prisma, type DbClient } from '@/server/db';
import { attemptMaterialSql, type AttemptMaterial } from './attempt-material';
import type { ClaimedJob } from './schemas';

type Row = { id: string; attemptId: string; tries: number; crashes: number; workerId: string; leaseUntil: Date; material: AttemptMaterial | null };

export async function claimJob(
  { workerId, leaseMs }: { workerId: string; leaseMs: number },
  db: DbClient = prisma,
): Promise<ClaimedJob | null> {
  // Timestamps are stored as UTC without a zone (as Prisma writes them), whatever the server's TimeZone.
  const rows = await db.$queryRaw<Row[]>`
    WITH busy AS (
      SELECT a."userId", count(*) AS n FROM "GradingJob" j
      JOIN "Attempt" a ON a.id = j."attemptId"
      WHERE j.state = 'RUNNING' AND j."leaseUntil" >= now() AT TIME ZONE 'UTC'
      GROUP BY a."userId"
    ), picked AS (
      SELECT j.id, a."userId" FROM "GradingJob" j
      JOIN "Attempt" a ON a.id = j."attemptId"
      LEFT JOIN busy ON busy."userId" = a."userId"
      LEFT JOIN "GradingTurn" turn ON turn."userId" = a."userId"
      WHERE (j.state = 'QUEUED' AND j."runAt" <= now() AT TIME ZONE 'UTC')
         OR (j.state = 'RUNNING' AND j."leaseUntil" < now() AT TIME ZONE 'UTC')
      ORDER BY COALESCE(busy.n, 0), turn."lastClaimedAt" NULLS FIRST, j."runAt", j.id
      LIMIT 1
      FOR UPDATE OF j SKIP LOCKED
    ), claimed AS (
      UPDATE "GradingJob" AS g
      SET state = 'RUNNING',
          "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${Math.round(leaseMs)}::int * interval '1 millisecond',
          "workerId" = ${workerId},
          tries = g.tries + 1,
          "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM picked
      WHERE g.id = picked.id
      RETURNING g.id, g."attemptId", g.tries, g.crashes, g."workerId", g."leaseUntil"
    ), served AS (
      INSERT INTO "GradingTurn" ("userId", "lastClaimedAt")
      SELECT "userId", now() AT TIME ZONE 'UTC' FROM picked
      ON CONFLICT ("userId") DO UPDATE SET "lastClaimedAt" = EXCLUDED."lastClaimedAt"
    ), started AS (
      UPDATE "Attempt" AS a
      SET status = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM claimed
      WHERE a.id = claimed."attemptId"
      RETURNING a.id
    )
    SELECT claimed.id, claimed."attemptId", claimed.tries, claimed.crashes, claimed."workerId", claimed."leaseUntil",
      (SELECT to_jsonb(m) FROM (${attemptMaterialSql(Prisma.sql`claimed."attemptId"`)}) m) AS material
    FROM claimed`;
  const row = rows[0];
  if (!row) return null;
  return { jobId: row.id, attemptId: row.attemptId, tries: row.tries, crashes: row.crashes, workerId: row.workerId, leaseUntil: row.leaseUntil, material: row.material };
}
