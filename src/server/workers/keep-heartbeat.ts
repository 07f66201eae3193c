// The worker's one call: record a heartbeat now (resolved once it is stored, so a worker that says
// it is ready is counted) and every `intervalMs` until stopped, then delete it. A failed beat is
// logged and retried on the next tick; it must never stop grading.
import { prisma, type DbClient } from '@/server/db';
import { env } from '@/server/env';
import { deleteHeartbeat } from './delete-heartbeat';
import { recordHeartbeat } from './record-heartbeat';
import { errorMessage } from '@/lib/error-message';

export async function keepHeartbeat(
  { workerId, intervalMs = env.WORKER_HEARTBEAT_MS, log = () => {} }: { workerId: string; intervalMs?: number; log?: (line: string) => void },
  db: DbClient = prisma,
): Promise<{ stop: () => Promise<void> }> {
  const beat = () =>
    recordHeartbeat({ workerId }, db).catch((error: unknown) =>
      log(`could not record a heartbeat: ${errorMessage(error)}`),
    );
  let last = beat();
  await last;
  const timer = setInterval(() => (last = beat()), intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await last;
      await deleteHeartbeat({ workerId }, db).catch(() => {});
    },
  };
}
