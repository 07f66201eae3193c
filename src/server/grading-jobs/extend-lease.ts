// Keeps a claim alive while grading runs longer than a lease. Returns false when the claim is no
// longer this worker's (the lease expired and another worker took the job): stop caring about it.
import { prisma, type DbClient } from '@/server/db';
import type { Lease } from './schemas';

export async function extendLease(
  { lease, leaseMs }: { lease: Lease; leaseMs: number },
  db: DbClient = prisma,
): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "GradingJob"
    SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${Math.round(leaseMs)}::int * interval '1 millisecond',
        "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${lease.jobId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int`;
  return count === 1;
}
