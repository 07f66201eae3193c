import { prisma, type DbClient } from '@/server/db';

export type TopicListItem = { id: string; slug: string; name: string; description: string; questionCount: number };

export async function listTopics(db: DbClient = prisma): Promise<TopicListItem[]> {
  const topics = await db.topic.findMany({
    where: { published: true, deletedAt: null },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      _count: { select: { questions: { where: { published: true, deletedAt: null } } } },
    },
  });
  return topics.map(({ _count, ...t }) => ({ ...t, questionCount: _count.questions }));
}
