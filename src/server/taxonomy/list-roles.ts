import { prisma, type DbClient } from '@/server/db';
import { visibleTopic } from './taxonomy-topic';

export type RoleListItem = { slug: string; name: string; description: string; topicCount: number };

// Every role, in the order the bank lists them, with how many visible topics it has.
export async function listRoles(db: DbClient = prisma): Promise<RoleListItem[]> {
  const roles = await db.jobRole.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, description: true, _count: { select: { topics: { where: { topic: visibleTopic } } } } },
  });
  return roles.map(({ _count, ...role }) => ({ ...role, topicCount: _count.topics }));
}
