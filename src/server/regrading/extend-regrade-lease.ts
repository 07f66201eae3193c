// Renews the lease on a re-grade while it is being graded; false once the claim is no longer ours.
import { prisma, type DbClient } from '@/server/db';
import type { RegradeLease } from './schemas';

export async function extendRegradeLease({ lease, leaseMs }: { lease: RegradeLease; leaseMs: number }, db: DbClient = prisma): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "AttemptRegrade"
       SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${Math.round(leaseMs)}::int * interval '1 millisecond', "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = ${lease.regradeId}::uuid AND state = 'RUNNING' AND "workerId" = ${lease.workerId} AND tries = ${lease.tries}::int`;
  return count > 0;
}
