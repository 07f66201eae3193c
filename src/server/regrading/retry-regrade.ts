// A re-grade failed on our side (an infra_error, a grader that threw, crashed or froze): queue it
// again with backoff, or after MAX_REGRADE_TRIES mark it FAILED with the reason. The attempt keeps
// its grade either way: a failure of ours never changes a candidate's result. Only under the
// caller's own claim.
import { prisma, type DbClient } from '@/server/db';
import { retryDelayMs } from '@/server/grading-jobs/schemas';
import { MAX_REGRADE_TRIES, REGRADE_RETRY_BASE_MS, type RegradeLease } from './schemas';

export type RegradeRetryOutcome = { outcome: 'retrying'; runAt: Date } | { outcome: 'failed' } | { outcome: 'lost' };

export async function retryRegrade(
  { lease, error, maxTries = MAX_REGRADE_TRIES, baseDelayMs = REGRADE_RETRY_BASE_MS }: { lease: RegradeLease; error: string; maxTries?: number; baseDelayMs?: number },
  db: DbClient = prisma,
): Promise<RegradeRetryOutcome> {
  const lastError = `try ${lease.tries}: ${error}`.slice(0, 2_000);
  const giveUp = lease.tries >= maxTries;
  const delayMs = giveUp ? 0 : Math.round(retryDelayMs(lease.tries, baseDelayMs));
  const rows = await db.$queryRaw<{ runAt: Date }[]>`
    UPDATE "AttemptRegrade"
       SET state = ${giveUp ? 'FAILED' : 'QUEUED'}::"RegradeState",
           "runAt" = (now() AT TIME ZONE 'UTC') + ${delayMs}::int * interval '1 millisecond',
           "leaseUntil" = NULL, "workerId" = NULL, "lastError" = ${lastError}, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = ${lease.regradeId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int
    RETURNING "runAt"`;
  const row = rows[0];
  if (!row) return { outcome: 'lost' };
  return giveUp ? { outcome: 'failed' } : { outcome: 'retrying', runAt: row.runAt };
}
