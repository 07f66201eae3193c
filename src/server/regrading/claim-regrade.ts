// Claims the next re-grade under a lease, in one statement, like claimJob: a QUEUED one that is
// due, or a RUNNING one whose worker let its lease expire (it died: the run resumes there).
// Low priority by construction: nothing is claimed while any candidate's grading job is due, so a
// re-grade run never delays a candidate by more than the re-grades already running.
import { prisma, type DbClient } from '@/server/db';
import type { ClaimedRegrade } from './schemas';

type Row = { id: string; attemptId: string; questionVersionId: string; tries: number; workerId: string };

export async function claimRegrade({ workerId, leaseMs }: { workerId: string; leaseMs: number }, db: DbClient = prisma): Promise<ClaimedRegrade | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH picked AS (
      SELECT r.id FROM "AttemptRegrade" r
       WHERE ((r.state = 'QUEUED' AND r."runAt" <= now() AT TIME ZONE 'UTC')
           OR (r.state = 'RUNNING' AND r."leaseUntil" < now() AT TIME ZONE 'UTC'))
         AND NOT EXISTS (
           SELECT 1 FROM "GradingJob" j
            WHERE (j.state = 'QUEUED' AND j."runAt" <= now() AT TIME ZONE 'UTC')
               OR (j.state = 'RUNNING' AND j."leaseUntil" < now() AT TIME ZONE 'UTC'))
       ORDER BY r."runAt", r.id
       LIMIT 1
       FOR UPDATE OF r SKIP LOCKED
    )
    UPDATE "AttemptRegrade" AS g
       SET state = 'RUNNING',
           "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${Math.round(leaseMs)}::int * interval '1 millisecond',
           "workerId" = ${workerId},
           tries = g.tries + 1,
           "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM picked
     WHERE g.id = picked.id
    RETURNING g.id, g."attemptId", g."questionVersionId", g.tries, g."workerId"`;
  const row = rows[0];
  if (!row) return null;
  return { regradeId: row.id, attemptId: row.attemptId, questionVersionId: row.questionVersionId, tries: row.tries, workerId: row.workerId };
}
