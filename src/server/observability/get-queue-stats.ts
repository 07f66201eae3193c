// How much grading waits: due queued jobs, the age of the oldest, and running jobs whose lease
// expired (their worker died). Read by /api/ready and by the queue gauges of /metrics.
import { prisma, type DbClient } from '@/server/db';

export type QueueStats = { depth: number; oldestDueSeconds: number; expiredLeases: number };

export async function getQueueStats(db: DbClient = prisma): Promise<QueueStats> {
  const [row] = await db.$queryRaw<{ depth: number; oldest: number | null; expired: number }[]>`
    SELECT count(*) FILTER (WHERE state = 'QUEUED' AND "runAt" <= now() AT TIME ZONE 'UTC')::int AS depth,
           extract(epoch FROM (now() AT TIME ZONE 'UTC')
             - min("runAt") FILTER (WHERE state = 'QUEUED' AND "runAt" <= now() AT TIME ZONE 'UTC'))::float8 AS oldest,
           count(*) FILTER (WHERE state = 'RUNNING' AND "leaseUntil" < now() AT TIME ZONE 'UTC')::int AS expired
    FROM "GradingJob" WHERE state IN ('QUEUED', 'RUNNING')`;
  return { depth: row?.depth ?? 0, oldestDueSeconds: Math.max(0, Math.round(row?.oldest ?? 0)), expiredLeases: row?.expired ?? 0 };
}
