// Records that a grading worker is alive: an upsert of its row with the database's clock (so the
// clocks of web and worker hosts never need to agree). /api/ready counts recent rows.
import os from 'node:os';
import { prisma, type DbClient } from '@/server/db';

export async function recordHeartbeat({ workerId }: { workerId: string }, db: DbClient = prisma): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" ("workerId", hostname, pid, "startedAt", "beatAt")
    VALUES (${workerId}, ${os.hostname()}, ${process.pid}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now() AT TIME ZONE 'UTC'`;
}
