// A worker that stops cleanly removes its heartbeat at once, so readiness does not wait for the
// row to go stale.
import { prisma, type DbClient } from '@/server/db';

export async function deleteHeartbeat({ workerId }: { workerId: string }, db: DbClient = prisma): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}
