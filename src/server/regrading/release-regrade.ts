// Hands a claimed re-grade back, due now, when its worker stops before it finished. A release is
// not a failed try, so the claim's try is given back.
import { prisma, type DbClient } from '@/server/db';
import type { RegradeLease } from './schemas';

export async function releaseRegrade({ lease }: { lease: RegradeLease }, db: DbClient = prisma): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "AttemptRegrade"
       SET state = 'QUEUED', "runAt" = now() AT TIME ZONE 'UTC', "leaseUntil" = NULL, "workerId" = NULL, tries = tries - 1, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = ${lease.regradeId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int`;
  return count > 0;
}
