// Tells anyone waiting on an attempt (GET /api/attempts/<id>?wait=N) that it reached its final
// status. Only a hint: waiters always read the attempt from the table afterwards.
import { prisma, type DbClient } from '@/server/db';
import { ATTEMPT_SETTLED_CHANNEL } from './schemas';
import { sendNotification } from '@/server/send-notification';

export async function notifyAttemptSettled({ attemptId }: { attemptId: string }, db: DbClient = prisma): Promise<void> {
  await sendNotification(ATTEMPT_SETTLED_CHANNEL, attemptId, db);
}
