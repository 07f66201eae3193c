// The candidate's mock interviews that are over, newest first: finished (their report), or left
// open until their clock ran out (opening one submits what that browser kept and shows the
// report). The /mock page lists them so that a report can be read again after leaving it.
import { prisma, type DbClient } from '@/server/db';

export type PastMock = { id: string; topicName: string; minutes: number; startedAt: Date; finishedAt: Date | null };

// A page's worth; older ones stay reachable through each attempt's own page.
export const PAST_MOCKS_SHOWN = 20;

export async function listPastMocks({ actor }: { actor: { id: string } }, db: DbClient = prisma, now = new Date()): Promise<PastMock[]> {
  const rows = await db.mockSession.findMany({
    where: { userId: actor.id, OR: [{ finishedAt: { not: null } }, { endsAt: { lte: now } }] },
    select: { id: true, minutes: true, startedAt: true, finishedAt: true, topic: { select: { name: true } } },
    // The (userId, startedAt) index.
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: PAST_MOCKS_SHOWN,
  });
  return rows.map(({ topic, ...row }) => ({ ...row, topicName: topic.name }));
}
