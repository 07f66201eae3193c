// The candidate's mock interviews whose clock still runs (not finished, not past their end),
// soonest to end first: the /mock page offers to continue them, and start-mock-session.ts counts
// them against MAX_RUNNING_MOCKS.
import { prisma, type DbClient } from '@/server/db';

export type RunningMock = { id: string; topicName: string; minutes: number; endsAt: Date };

export async function listRunningMocks({ actor }: { actor: { id: string } }, db: DbClient = prisma, now = new Date()): Promise<RunningMock[]> {
  const rows = await db.mockSession.findMany({
    where: { userId: actor.id, finishedAt: null, endsAt: { gt: now } },
    select: { id: true, minutes: true, endsAt: true, topic: { select: { name: true } } },
    orderBy: { endsAt: 'asc' },
  });
  return rows.map(({ topic, ...row }) => ({ ...row, topicName: topic.name }));
}
